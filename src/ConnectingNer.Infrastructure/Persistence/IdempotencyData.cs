using ConnectingNer.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Infrastructure.Persistence;

/// <summary>The stored answers of idempotent commands, as the context's set.</summary>
public static class IdempotencyData
{
    extension(AppDbContext db)
    {
        public DbSet<IdempotencyRecord> IdempotencyRecords => db.Set<IdempotencyRecord>();
    }
}
