using ConnectingNer.Application.Catalog;
using ConnectingNer.Application.Common.Exceptions;
using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Domain.Catalog;
using ConnectingNer.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ConnectingNer.Infrastructure.Persistence;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), IApplicationDbContext, IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<ProductSalesDay> ProductSales => Set<ProductSalesDay>();

    public DbSet<Domain.Common.IdempotencyRecord> IdempotencyRecords => Set<Domain.Common.IdempotencyRecord>();

    public DbSet<Privacy.CustomerRecord> Customers => Set<Privacy.CustomerRecord>();

    public DbSet<Privacy.CustomerKey> CustomerKeys => Set<Privacy.CustomerKey>();

    public DbSet<Privacy.AuditEvent> AuditEvents => Set<Privacy.AuditEvent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        // ASP.NET Core Identity's tables, named like every other table.
        modelBuilder.Entity<AppUser>(user =>
        {
            user.ToTable("users");
            user.HasIndex(u => u.NormalizedUserName).HasDatabaseName("ux_users_normalized_user_name");
            user.HasIndex(u => u.NormalizedEmail).HasDatabaseName("ix_users_normalized_email");
        });
        modelBuilder.Entity<IdentityRole<Guid>>(role =>
        {
            role.ToTable("roles");
            role.HasIndex(r => r.NormalizedName).HasDatabaseName("ux_roles_normalized_name");
        });
        modelBuilder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        modelBuilder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        modelBuilder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        modelBuilder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        modelBuilder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
        // OpenIddict's stores, named like every other table.
        modelBuilder.Entity<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication>().ToTable("openiddict_applications");
        modelBuilder.Entity<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreAuthorization>().ToTable("openiddict_authorizations");
        modelBuilder.Entity<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreScope>().ToTable("openiddict_scopes");
        modelBuilder.Entity<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreToken>().ToTable("openiddict_tokens");
        modelBuilder.Entity<Privacy.CustomerRecord>(customer =>
        {
            customer.ToTable("customers");
            customer.HasKey(c => c.Id);
            customer.Property(c => c.Id).ValueGeneratedNever();
            customer.Property(c => c.Number).UseIdentityAlwaysColumn();
            customer.HasIndex(c => c.Number).IsUnique();
            customer.HasIndex(c => c.CreatedAt);
            customer.HasOne<AppUser>().WithOne().HasForeignKey<Privacy.CustomerRecord>(c => c.Id).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Privacy.CustomerKey>(key =>
        {
            key.ToTable("customer_keys");
            key.HasKey(k => k.CustomerId);
            key.Property(k => k.MasterKeyId).HasMaxLength(64);
            // No foreign key to customers: destroying a key must not touch the (then unreadable) profile row.
            key.HasIndex(k => k.MasterKeyId);
        });
        modelBuilder.Entity<Privacy.AuditEvent>(audit =>
        {
            audit.ToTable("audit_events");
            audit.Property(a => a.ActorSubject).HasMaxLength(200);
            audit.Property(a => a.ClientId).HasMaxLength(200);
            audit.Property(a => a.Purpose).HasMaxLength(100);
            audit.Property(a => a.OperationName).HasMaxLength(200);
            audit.Property(a => a.DocumentHash).HasMaxLength(64);
            audit.HasIndex(a => new { a.SubjectId, a.Id });
            audit.HasIndex(a => a.OccurredAt);
        });
        // Rows of a raw search query, not a table.
        modelBuilder.Entity<ProductSearchHit>().HasNoKey().ToView("product_search_hits");
    }

    public override async Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg)
        {
            throw new UniqueConstraintException(pg.ConstraintName ?? "unknown", e);
        }
    }
}
