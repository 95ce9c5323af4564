using ConnectingNer.Domain.Common;

namespace ConnectingNer.Application.Common.Idempotency;

/// <summary>Where the answers of idempotent commands are kept (PostgreSQL, in the command's own transaction).</summary>
public interface IIdempotencyStore
{
    /// <summary>The stored answer for this caller, operation and key, if any.</summary>
    Task<IdempotencyRecord?> FindAsync(string subject, string operation, string key, CancellationToken cancellationToken);

    /// <summary>Begins the transaction the command runs in and its answer is stored in.</summary>
    Task<IIdempotentTransaction> BeginAsync(CancellationToken cancellationToken);
}

/// <summary>One command's transaction: its changes and its stored answer commit together, or neither does.</summary>
public interface IIdempotentTransaction : IAsyncDisposable
{
    /// <summary>Stores the answer; throws <see cref="IdempotencyKeyTakenException"/> when a concurrent request stored one first.</summary>
    Task StoreAsync(IdempotencyRecord record, CancellationToken cancellationToken);

    Task CommitAsync();

    Task RollbackAsync();
}

/// <summary>A concurrent request with the same caller, operation and key committed its answer first.</summary>
public sealed class IdempotencyKeyTakenException(Exception? inner = null)
    : Exception("A concurrent request stored an answer under this idempotency key first.", inner);
