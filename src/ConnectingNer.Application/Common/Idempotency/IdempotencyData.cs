using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Common.Idempotency;

/// <summary>The stored answers of idempotent commands.</summary>
public static class IdempotencyData
{
    extension(IApplicationDbContext db)
    {
        public DbSet<IdempotencyRecord> IdempotencyRecords => db.Set<IdempotencyRecord>();
    }
}
