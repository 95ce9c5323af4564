using ConnectingNer.Domain.Consent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConnectingNer.Infrastructure.Consent.Configurations;

internal sealed class ConsentPurposeConfiguration : IEntityTypeConfiguration<ConsentPurpose>
{
    public void Configure(EntityTypeBuilder<ConsentPurpose> builder)
    {
        builder.ToTable("consent_purposes");
        builder.HasKey(p => p.Code);
        builder.Property(p => p.Code).HasMaxLength(40);
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Property(p => p.Description).HasMaxLength(1000);
        builder.Property(p => p.LegalBasis).HasMaxLength(40);
        builder.Ignore(p => p.IsEssential);
    }
}

internal sealed class ConsentRecordConfiguration : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> builder)
    {
        builder.ToTable("consent_records", t => t.HasCheckConstraint("ck_consent_records_subject",
            "customer_id IS NOT NULL OR device_id IS NOT NULL OR subscriber_id IS NOT NULL"));
        builder.Property(r => r.Purpose).HasMaxLength(40);
        builder.HasOne<ConsentPurpose>().WithMany().HasForeignKey(r => r.Purpose).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.PolicyVersion).HasMaxLength(PrivacyPolicyVersion.VersionMaxLength);
        builder.HasOne<PrivacyPolicyVersion>().WithMany().HasForeignKey(r => r.PolicyVersion).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.ClientId).HasMaxLength(200);
        builder.HasIndex(r => new { r.CustomerId, r.Id }).HasFilter("customer_id IS NOT NULL");
        builder.HasIndex(r => r.DeviceId).HasFilter("device_id IS NOT NULL AND customer_id IS NULL");
        builder.HasIndex(r => r.SubscriberId).HasFilter("subscriber_id IS NOT NULL AND customer_id IS NULL");
        // The audience of a purpose: the latest decision per subject (DISTINCT ON), found by purpose.
        builder.HasIndex(r => new { r.Purpose, r.CustomerId, r.SubscriberId, r.RecordedAt, r.Id });
    }
}

internal sealed class PrivacyPolicyVersionConfiguration : IEntityTypeConfiguration<PrivacyPolicyVersion>
{
    public void Configure(EntityTypeBuilder<PrivacyPolicyVersion> builder)
    {
        builder.ToTable("privacy_policy_versions");
        builder.HasKey(v => v.Version);
        builder.Property(v => v.Version).HasMaxLength(PrivacyPolicyVersion.VersionMaxLength);
        builder.Property(v => v.Text).HasMaxLength(PrivacyPolicyVersion.TextMaxLength);
        builder.Property(v => v.Summary).HasMaxLength(PrivacyPolicyVersion.SummaryMaxLength);
        builder.HasIndex(v => v.PublishedAt);
    }
}

internal sealed class NewsletterSubscriberConfiguration : IEntityTypeConfiguration<NewsletterSubscriber>
{
    public void Configure(EntityTypeBuilder<NewsletterSubscriber> builder)
    {
        builder.ToTable("newsletter_subscribers");
        builder.Property(s => s.EmailIndex).HasMaxLength(64);
        builder.HasIndex(s => s.EmailIndex).IsUnique();
    }
}

internal sealed class GuardianConsentConfiguration : IEntityTypeConfiguration<GuardianConsent>
{
    public void Configure(EntityTypeBuilder<GuardianConsent> builder)
    {
        builder.ToTable("guardian_consents");
        builder.HasIndex(g => new { g.MinorId, g.Id });
    }
}
