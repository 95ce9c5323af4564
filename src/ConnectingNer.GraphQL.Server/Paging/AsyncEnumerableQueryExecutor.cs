namespace ConnectingNer.GraphQL.Server.Paging;

/// <summary>Fallback executor for query providers that stream (<see cref="IAsyncEnumerable{T}"/>) but offer no async count.</summary>
public sealed class AsyncEnumerableQueryExecutor : IQueryExecutor
{
    public async Task<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken)
    {
        if (query is not IAsyncEnumerable<T> stream) return query.ToList();
        var list = new List<T>();
        await foreach (var item in stream.WithCancellation(cancellationToken)) list.Add(item);
        return list;
    }

    public Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) => Task.FromResult(query.Count());
}
