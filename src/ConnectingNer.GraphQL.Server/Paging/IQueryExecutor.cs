namespace ConnectingNer.GraphQL.Server.Paging;

/// <summary>Runs a query asynchronously. The host supplies one for its data access library (EF Core's, say).</summary>
public interface IQueryExecutor
{
    Task<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken);

    Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken);
}
