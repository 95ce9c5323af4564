namespace ConnectingNer.GraphQL.Server.Paging;

/// <summary>One page of a cursor connection. <see cref="CountAsync"/> runs only if a client selects <c>totalCount</c>.</summary>
public sealed class Connection<T>(IReadOnlyList<Edge<T>> edges, PageInfo pageInfo, Func<CancellationToken, Task<int>> count)
{
    public IReadOnlyList<Edge<T>> Edges { get; } = edges;

    private List<T>? _nodes;

    /// <summary>
    /// The edges' nodes in order, made when first read. A list: GraphQL.NET and a rendered list read it by index,
    /// where a sequence would be copied into a growing list first (and an array's untyped indexer is slow).
    /// </summary>
    public IReadOnlyList<T> Nodes => _nodes ??= NodesOf(Edges);

    private static List<T> NodesOf(IReadOnlyList<Edge<T>> edges)
    {
        var nodes = new List<T>(edges.Count);
        foreach (var edge in edges) nodes.Add(edge.Node);
        return nodes;
    }

    public PageInfo PageInfo { get; } = pageInfo;

    public Task<int> CountAsync(CancellationToken cancellationToken) => count(cancellationToken);
}

/// <summary>
/// A node and the sort key values of its row. Its cursor is encoded when first read: most clients select the nodes and
/// <c>pageInfo</c>, and a page of twenty would otherwise encode twenty cursors no one asked for.
/// </summary>
public sealed class Edge<T>(IReadOnlyList<object?> keys, T node) : IEdge
{
    private string? _cursor;

    public string Cursor => _cursor ??= CursorCodec.Encode(keys);

    public T Node { get; } = node;
}

/// <summary>What a page's first and last edge give its <see cref="PageInfo"/>: a cursor, encoded when read.</summary>
public interface IEdge
{
    string Cursor { get; }
}

/// <summary>
/// Where a page lies in its list. Its cursors are its first and last edges', encoded only when a client reads them
/// (through the edge, so an edge's cursor read twice is encoded once): a page whose client selects no cursor costs none.
/// </summary>
public sealed class PageInfo(bool hasNextPage, bool hasPreviousPage, IEdge? first, IEdge? last)
{
    /// <summary>The page info of an empty page that is the whole list.</summary>
    public static readonly PageInfo Empty = new(false, false, null, null);

    public bool HasNextPage { get; } = hasNextPage;

    public bool HasPreviousPage { get; } = hasPreviousPage;

    public string? StartCursor => first?.Cursor;

    public string? EndCursor => last?.Cursor;
}
