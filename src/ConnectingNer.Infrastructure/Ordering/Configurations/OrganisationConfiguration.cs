using ConnectingNer.Domain.Ordering;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConnectingNer.Infrastructure.Ordering.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("organisations");
        builder.Property(o => o.LegalName).HasMaxLength(Organisation.LegalNameMaxLength);
        builder.Property(o => o.Gstin).HasMaxLength(15);
        builder.HasIndex(o => o.Gstin).IsUnique();
        builder.Property(o => o.BillingLine1).HasMaxLength(200);
        builder.Property(o => o.BillingLine2).HasMaxLength(200);
        builder.Property(o => o.BillingCity).HasMaxLength(100);
        builder.Property(o => o.BillingState).HasMaxLength(100);
        builder.Property(o => o.BillingPostalCode).HasMaxLength(10);
        builder.HasMany(o => o.Members).WithOne().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Members).HasField("_members").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class OrganisationMemberConfiguration : IEntityTypeConfiguration<OrganisationMember>
{
    public void Configure(EntityTypeBuilder<OrganisationMember> builder)
    {
        builder.ToTable("organisation_members");
        builder.HasKey(m => new { m.OrganisationId, m.CustomerId });
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(10);
        builder.HasIndex(m => m.CustomerId);
    }
}

internal sealed class OrganisationInvitationConfiguration : IEntityTypeConfiguration<OrganisationInvitation>
{
    public void Configure(EntityTypeBuilder<OrganisationInvitation> builder)
    {
        builder.ToTable("organisation_invitations");
        builder.HasKey(i => new { i.OrganisationId, i.EmailIndex });
        builder.Property(i => i.EmailIndex).HasMaxLength(64);
        builder.Property(i => i.Role).HasConversion<string>().HasMaxLength(10);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
