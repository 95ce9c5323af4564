using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConnectingNer.Infrastructure.Privacy.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> audit)
    {
        audit.ToTable("audit_events");
        audit.Property(a => a.ActorSubject).HasMaxLength(200);
        audit.Property(a => a.ClientId).HasMaxLength(200);
        audit.Property(a => a.Purpose).HasMaxLength(100);
        audit.Property(a => a.OperationName).HasMaxLength(200);
        audit.Property(a => a.DocumentHash).HasMaxLength(64);
        audit.HasIndex(a => new { a.SubjectId, a.Id });
        audit.HasIndex(a => a.OccurredAt);
    }
}
