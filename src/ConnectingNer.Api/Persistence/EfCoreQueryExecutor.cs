using ConnectingNer.GraphQL.Server.Paging;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Api.Persistence;

/// <summary>Connects the domain-agnostic pager to EF Core's async operators.</summary>
public sealed class EfCoreQueryExecutor : IQueryExecutor
{
    public Task<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) =>
        query.ToListAsync(cancellationToken);

    public Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) =>
        query.CountAsync(cancellationToken);
}
