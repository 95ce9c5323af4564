using ConnectingNer.Domain.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConnectingNer.Infrastructure.Retention.Configurations;

internal sealed class RetentionRuleConfiguration : IEntityTypeConfiguration<RetentionRule>
{
    public void Configure(EntityTypeBuilder<RetentionRule> builder)
    {
        builder.ToTable("retention_rules");
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(60);
        builder.Property(r => r.What).HasMaxLength(300);
        builder.Property(r => r.FromEvent).HasMaxLength(100);
        builder.Property(r => r.LegalBasis).HasMaxLength(300);
        builder.Property(r => r.Action).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class RetentionRunConfiguration : IEntityTypeConfiguration<RetentionRun>
{
    public void Configure(EntityTypeBuilder<RetentionRun> builder)
    {
        builder.ToTable("retention_runs");
        builder.Property(r => r.Rule).HasMaxLength(60);
        builder.HasIndex(r => new { r.Rule, r.Id });
    }
}

internal sealed class LegalHoldConfiguration : IEntityTypeConfiguration<LegalHold>
{
    public void Configure(EntityTypeBuilder<LegalHold> builder)
    {
        builder.ToTable("legal_holds");
        builder.Property(h => h.Reason).HasMaxLength(LegalHold.ReasonMaxLength);
        builder.Property(h => h.PlacedBy).HasMaxLength(200);
        builder.HasIndex(h => h.CustomerId).HasFilter("released_at IS NULL");
    }
}
