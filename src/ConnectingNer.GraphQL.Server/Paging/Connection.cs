namespace ConnectingNer.GraphQL.Server.Paging;

/// <summary>One page of a cursor connection. <see cref="CountAsync"/> runs only if a client selects <c>totalCount</c>.</summary>
public sealed class Connection<T>(IReadOnlyList<Edge<T>> edges, PageInfo pageInfo, Func<CancellationToken, Task<int>> count)
{
    public IReadOnlyList<Edge<T>> Edges { get; } = edges;

    public IEnumerable<T> Nodes => Edges.Select(e => e.Node);

    public PageInfo PageInfo { get; } = pageInfo;

    public Task<int> CountAsync(CancellationToken cancellationToken) => count(cancellationToken);
}

/// <summary>
/// A node and the sort key values of its row. Its cursor is encoded when first read: most clients select the nodes and
/// <c>pageInfo</c>, and a page of twenty would otherwise encode twenty cursors no one asked for.
/// </summary>
public sealed class Edge<T>(IReadOnlyList<object?> keys, T node)
{
    private string? _cursor;

    public string Cursor => _cursor ??= CursorCodec.Encode(keys);

    public T Node { get; } = node;
}

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
