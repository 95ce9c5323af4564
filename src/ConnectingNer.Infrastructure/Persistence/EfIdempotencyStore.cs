using ConnectingNer.Application.Common.Exceptions;
using ConnectingNer.Application.Common.Idempotency;
using ConnectingNer.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ConnectingNer.Infrastructure.Persistence;

/// <summary>Idempotency records in PostgreSQL, stored in the command's transaction; the primary key decides a race.</summary>
public sealed class EfIdempotencyStore(AppDbContext db) : IIdempotencyStore
{
    public const string PrimaryKey = "pk_idempotency_records";

    public Task<IdempotencyRecord?> FindAsync(string subject, string operation, string key, CancellationToken cancellationToken) =>
        db.IdempotencyRecords.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Subject == subject && r.Operation == operation && r.Key == key, cancellationToken);

    public async Task<IIdempotentTransaction> BeginAsync(CancellationToken cancellationToken) =>
        new Transaction(db, await db.Database.BeginTransactionAsync(cancellationToken));

    private sealed class Transaction(AppDbContext db, IDbContextTransaction transaction) : IIdempotentTransaction
    {
        public async Task StoreAsync(IdempotencyRecord record, CancellationToken cancellationToken)
        {
            db.IdempotencyRecords.Add(record);
            // No savepoint around this insert (two round trips fewer): when the key is taken, the caller rolls the
            // whole transaction back before it reads anything.
            db.Database.AutoSavepointsEnabled = false;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (UniqueConstraintException e) when (e.ConstraintName == PrimaryKey)
            {
                throw new IdempotencyKeyTakenException(e);
            }
            finally
            {
                db.Database.AutoSavepointsEnabled = true;
            }
        }

        public Task CommitAsync() => transaction.CommitAsync(CancellationToken.None);

        public Task RollbackAsync() => transaction.RollbackAsync(CancellationToken.None);

        public ValueTask DisposeAsync() => transaction.DisposeAsync();
    }
}
