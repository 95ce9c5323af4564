using ConnectingNer.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Infrastructure.Privacy;

/// <summary>The data keys and the disclosure record, as the context's sets.</summary>
public static class PrivacyData
{
    extension(AppDbContext db)
    {
        public DbSet<CustomerKey> CustomerKeys => db.Set<CustomerKey>();

        public DbSet<AuditEvent> AuditEvents => db.Set<AuditEvent>();
    }
}
