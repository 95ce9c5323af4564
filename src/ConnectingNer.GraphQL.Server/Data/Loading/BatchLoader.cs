using GraphQL.DataLoader;

namespace ConnectingNer.GraphQL.Server.Data.Loading;

/// <summary>
/// Collects the keys that the resolvers of one execution level ask for and fetches them in one call. GraphQL.NET
/// awaits <see cref="IDataLoaderResult"/> values only after every other field pending at that level has resolved,
/// so the first await finds every key of the level queued; it dispatches the batch. Results are cached per request.
/// </summary>
public sealed class BatchLoader<TKey, TValue>(
    Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch, TValue missing)
    where TKey : notnull
{
    private readonly TValue _missing = missing;
    private readonly Dictionary<TKey, Batch> _batchOf = [];
    private Batch? _pending;

    /// <summary>How many fetches ran (for tests and diagnostics).</summary>
    public int Dispatched { get; private set; }

    public IDataLoaderResult<TValue> Load(TKey key)
    {
        if (!_batchOf.TryGetValue(key, out var batch))
        {
            batch = _pending ??= new Batch();
            batch.Keys.Add(key);
            _batchOf[key] = batch;
        }

        return new Result(this, batch, key);
    }

    private Task<IReadOnlyDictionary<TKey, TValue>> Dispatch(Batch batch, CancellationToken cancellationToken)
    {
        lock (batch)
        {
            if (batch.Fetch is null)
            {
                if (ReferenceEquals(_pending, batch)) _pending = null;
                Dispatched++;
                batch.Fetch = fetch(batch.Keys.ToList(), cancellationToken);
            }

            return batch.Fetch;
        }
    }

    private sealed class Batch
    {
        public HashSet<TKey> Keys { get; } = [];

        public Task<IReadOnlyDictionary<TKey, TValue>>? Fetch { get; set; }
    }

    private sealed class Result(BatchLoader<TKey, TValue> owner, Batch batch, TKey key) : IDataLoaderResult<TValue>
    {
        public async Task<TValue> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = await owner.Dispatch(batch, cancellationToken);
            return values.TryGetValue(key, out var value) ? value : owner._missing;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
