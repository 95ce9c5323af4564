using ConnectingNer.Domain.PrivacyRequests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConnectingNer.Infrastructure.PrivacyRequests.Configurations;

internal sealed class PrivacyRequestConfiguration : IEntityTypeConfiguration<PrivacyRequest>
{
    public void Configure(EntityTypeBuilder<PrivacyRequest> builder)
    {
        builder.ToTable("privacy_requests");
        builder.Property(r => r.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Regime).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Subject).HasMaxLength(200);
        builder.Property(r => r.Details).HasMaxLength(PrivacyRequest.DetailsMaxLength);
        builder.Property(r => r.ExtensionReason).HasMaxLength(PrivacyRequest.NoteMaxLength);
        builder.Property(r => r.AssignedTo).HasMaxLength(200);
        builder.Property(r => r.Resolution).HasMaxLength(PrivacyRequest.NoteMaxLength);
        builder.Ignore(r => r.IsOpen);
        builder.Ignore(r => r.Restricts);
        // One open request per customer and type: a duplicate answers with the open one.
        builder.HasIndex(r => new { r.CustomerId, r.Type }).IsUnique().HasFilter("status IN ('Received', 'Verified', 'InProgress')")
            .HasDatabaseName("ix_privacy_requests_one_open_per_type");
        builder.HasIndex(r => new { r.CustomerId, r.Id });
        builder.HasIndex(r => r.DueAt);
        builder.HasMany(r => r.Steps).WithOne().HasForeignKey(s => s.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Steps).HasField("_steps").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PrivacyRequestStepConfiguration : IEntityTypeConfiguration<PrivacyRequestStep>
{
    public void Configure(EntityTypeBuilder<PrivacyRequestStep> builder)
    {
        builder.ToTable("privacy_request_steps");
        builder.Property(s => s.Actor).HasMaxLength(220);
        builder.Property(s => s.From).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.To).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Note).HasMaxLength(PrivacyRequest.NoteMaxLength + 100);
    }
}

internal sealed class NominationConfiguration : IEntityTypeConfiguration<Nomination>
{
    public void Configure(EntityTypeBuilder<Nomination> builder)
    {
        builder.ToTable("nominations");
        builder.Property(n => n.NomineeEmailIndex).HasMaxLength(64);
        builder.HasIndex(n => new { n.CustomerId, n.Id });
        builder.HasIndex(n => n.NomineeEmailIndex).HasFilter("ended_at IS NULL");
    }
}

internal sealed class DataExportConfiguration : IEntityTypeConfiguration<DataExport>
{
    public void Configure(EntityTypeBuilder<DataExport> builder)
    {
        builder.ToTable("data_exports");
        builder.HasIndex(e => new { e.CustomerId, e.CreatedAt });
        builder.HasIndex(e => e.CreatedAt);
        builder.HasOne<PrivacyRequest>().WithMany().HasForeignKey(e => e.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ErasureRecordConfiguration : IEntityTypeConfiguration<ErasureRecord>
{
    public void Configure(EntityTypeBuilder<ErasureRecord> builder)
    {
        builder.ToTable("erasure_records");
        builder.HasIndex(e => e.RequestId);
    }
}

internal sealed class ErasureNoticeConfiguration : IEntityTypeConfiguration<ErasureNotice>
{
    public void Configure(EntityTypeBuilder<ErasureNotice> builder)
    {
        builder.ToTable("erasure_notices");
        builder.Property(n => n.PartnerId).HasMaxLength(100);
        builder.HasIndex(n => new { n.PartnerId, n.Id }).HasFilter("acknowledged_at IS NULL").HasDatabaseName("ix_erasure_notices_waiting");
    }
}
