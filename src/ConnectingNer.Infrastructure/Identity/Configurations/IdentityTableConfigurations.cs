using ConnectingNer.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIddict.EntityFrameworkCore.Models;

namespace ConnectingNer.Infrastructure.Identity.Configurations;

/// <summary>
/// ASP.NET Core Identity's and OpenIddict's tables, named like every other table: one configuration per entity, applied
/// before every other configuration and in this order, because a foreign key takes its name from the table it points
/// at when it is created (a customer's key to <c>users</c>, a role claim's to <c>roles</c>).
/// </summary>
internal static class IdentityTables
{
    private static readonly Action<ModelBuilder>[] InOrder =
    [
        m => m.ApplyConfiguration(new AppUserConfiguration()),
        m => m.ApplyConfiguration(new RoleConfiguration()),
        m => m.ApplyConfiguration(new UserRoleConfiguration()),
        m => m.ApplyConfiguration(new UserClaimConfiguration()),
        m => m.ApplyConfiguration(new UserLoginConfiguration()),
        m => m.ApplyConfiguration(new UserTokenConfiguration()),
        m => m.ApplyConfiguration(new RoleClaimConfiguration()),
        m => m.ApplyConfiguration(new OpenIddictApplicationConfiguration()),
        m => m.ApplyConfiguration(new OpenIddictAuthorizationConfiguration()),
        m => m.ApplyConfiguration(new OpenIddictScopeConfiguration()),
        m => m.ApplyConfiguration(new OpenIddictTokenConfiguration()),
    ];

    public static void Configure(ModelBuilder modelBuilder)
    {
        foreach (var apply in InOrder) apply(modelBuilder);
    }

    /// <summary>True for the configurations above (the assembly scan leaves them out).</summary>
    public static bool Owns(Type configuration) => configuration.Namespace == typeof(IdentityTables).Namespace;
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> user)
    {
        user.ToTable("users");
        user.HasIndex(u => u.NormalizedUserName).HasDatabaseName("ux_users_normalized_user_name");
        user.HasIndex(u => u.NormalizedEmail).HasDatabaseName("ix_users_normalized_email");
    }
}

internal sealed class RoleConfiguration : IEntityTypeConfiguration<IdentityRole<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityRole<Guid>> role)
    {
        role.ToTable("roles");
        role.HasIndex(r => r.NormalizedName).HasDatabaseName("ux_roles_normalized_name");
    }
}

internal sealed class UserRoleConfiguration : IEntityTypeConfiguration<IdentityUserRole<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserRole<Guid>> builder) => builder.ToTable("user_roles");
}

internal sealed class UserClaimConfiguration : IEntityTypeConfiguration<IdentityUserClaim<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserClaim<Guid>> builder) => builder.ToTable("user_claims");
}

internal sealed class UserLoginConfiguration : IEntityTypeConfiguration<IdentityUserLogin<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserLogin<Guid>> builder) => builder.ToTable("user_logins");
}

internal sealed class UserTokenConfiguration : IEntityTypeConfiguration<IdentityUserToken<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserToken<Guid>> builder) => builder.ToTable("user_tokens");
}

internal sealed class RoleClaimConfiguration : IEntityTypeConfiguration<IdentityRoleClaim<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityRoleClaim<Guid>> builder) => builder.ToTable("role_claims");
}

internal sealed class OpenIddictApplicationConfiguration : IEntityTypeConfiguration<OpenIddictEntityFrameworkCoreApplication>
{
    public void Configure(EntityTypeBuilder<OpenIddictEntityFrameworkCoreApplication> builder) => builder.ToTable("openiddict_applications");
}

internal sealed class OpenIddictAuthorizationConfiguration : IEntityTypeConfiguration<OpenIddictEntityFrameworkCoreAuthorization>
{
    public void Configure(EntityTypeBuilder<OpenIddictEntityFrameworkCoreAuthorization> builder) => builder.ToTable("openiddict_authorizations");
}

internal sealed class OpenIddictScopeConfiguration : IEntityTypeConfiguration<OpenIddictEntityFrameworkCoreScope>
{
    public void Configure(EntityTypeBuilder<OpenIddictEntityFrameworkCoreScope> builder) => builder.ToTable("openiddict_scopes");
}

internal sealed class OpenIddictTokenConfiguration : IEntityTypeConfiguration<OpenIddictEntityFrameworkCoreToken>
{
    public void Configure(EntityTypeBuilder<OpenIddictEntityFrameworkCoreToken> builder) => builder.ToTable("openiddict_tokens");
}
