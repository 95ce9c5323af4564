using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Domain.PrivacyRequests;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.PrivacyRequests;

/// <summary>The privacy request tables, as the unit of work's sets.</summary>
public static class PrivacyRequestData
{
    extension(IApplicationDbContext db)
    {
        public DbSet<PrivacyRequest> PrivacyRequests => db.Set<PrivacyRequest>();

        public DbSet<Nomination> Nominations => db.Set<Nomination>();

        public DbSet<DataExport> DataExports => db.Set<DataExport>();

        public DbSet<ErasureNotice> ErasureNotices => db.Set<ErasureNotice>();
    }
}
