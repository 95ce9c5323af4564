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
/// A node and its cursor. A pager's cursor is encoded when it is first read: most clients select the nodes and
/// <c>pageInfo</c>, and a page of twenty would otherwise encode twenty cursors no one asked for.
/// </summary>
public sealed class Edge<T>
{
    private readonly IReadOnlyList<object?>? _keys;
    private string? _cursor;

    public Edge(string cursor, T node)
    {
        _cursor = cursor;
        Node = node;
    }

    /// <summary>An edge whose cursor is the sort key values of its row, encoded on first read.</summary>
    public Edge(IReadOnlyList<object?> keys, T node)
    {
        _keys = keys;
        Node = node;
    }

    public string Cursor => _cursor ??= CursorCodec.Encode(_keys!);

    public T Node { get; }
}

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
