using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Domain.Analytics;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Analytics;

/// <summary>The events table, as the unit of work's set.</summary>
public static class AnalyticsData
{
    extension(IApplicationDbContext db)
    {
        public DbSet<ShopEvent> ShopEvents => db.Set<ShopEvent>();
    }
}
