namespace ConnectingNer.GraphQL.Server.Paging;

/// <summary>One page of a cursor connection. <see cref="CountAsync"/> runs only if a client selects <c>totalCount</c>.</summary>
public sealed class Connection<T>(IReadOnlyList<Edge<T>> edges, PageInfo pageInfo, Func<CancellationToken, Task<int>> count)
{
    public IReadOnlyList<Edge<T>> Edges { get; } = edges;

    public IEnumerable<T> Nodes => Edges.Select(e => e.Node);

    public PageInfo PageInfo { get; } = pageInfo;

    public Task<int> CountAsync(CancellationToken cancellationToken) => count(cancellationToken);
}

public sealed record Edge<T>(string Cursor, T Node);

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
