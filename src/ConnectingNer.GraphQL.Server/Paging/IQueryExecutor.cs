namespace ConnectingNer.GraphQL.Server.Paging;

/// <summary>Runs a query asynchronously. The host supplies one for its data access library (EF Core's, say).</summary>
public interface IQueryExecutor
{
    Task<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken);

    Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken);

    /// <summary>
    /// The number of rows of a source, for the caller's plan (<paramref name="key"/>, the same object on every request
    /// of an operation). An executor that can should compile the count once per key and shape of source; by default it
    /// counts as any query.
    /// </summary>
    Task<int> CountAsync<T>(IQueryable<T> query, object key, CancellationToken cancellationToken) => CountAsync(query, cancellationToken);

    /// <summary>
    /// The rows of a source followed by a plan's tail, at most <paramref name="limit"/>. An executor that can should
    /// compile the query once per tail and shape of source and run it with the source's values and the limit as
    /// parameters; by default, the query is built and run as any other.
    /// </summary>
    Task<List<TResult>> ToListAsync<TSource, TResult>(
        IQueryable<TSource> source, QueryTail<TSource, TResult> tail, int limit, CancellationToken cancellationToken) =>
        ToListAsync(tail.Apply(source, limit), cancellationToken);
}
