using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Domain.Retention;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Retention;

/// <summary>The retention tables, as the unit of work's sets.</summary>
public static class RetentionData
{
    extension(IApplicationDbContext db)
    {
        public DbSet<RetentionRule> RetentionRules => db.Set<RetentionRule>();

        public DbSet<RetentionRun> RetentionRuns => db.Set<RetentionRun>();

        public DbSet<LegalHold> LegalHolds => db.Set<LegalHold>();
    }
}
