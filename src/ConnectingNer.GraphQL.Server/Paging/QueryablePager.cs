using System.Linq.Expressions;

namespace ConnectingNer.GraphQL.Server.Paging;

/// <summary>
/// Keyset (seek) paging over a query ordered by a unique key: a cursor is the key of its row, so pages stay
/// correct when rows are inserted or deleted between requests. One query per page (plus a count if selected).
/// </summary>
public static class QueryablePager
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<LambdaExpression, Delegate> CompiledKeys = new();

    public static async Task<Connection<T>> PageAsync<T, TKey>(
        IQueryable<T> source, Expression<Func<T, TKey>> key, PagingArguments arguments, int defaultPageSize,
        IQueryExecutor executor, CancellationToken cancellationToken)
        where TKey : IComparable<TKey>
    {
        var backward = arguments.Last is not null || arguments.Before is not null;
        var size = (backward ? arguments.Last : arguments.First) ?? defaultPageSize;
        var boundary = backward ? arguments.Before : arguments.After;

        var query = source;
        if (boundary is not null)
        {
            var boundaryKey = CursorCodec.Decode<TKey>(boundary);
            var comparison = backward
                ? Expression.LessThan(key.Body, Expression.Constant(boundaryKey, typeof(TKey)))
                : Expression.GreaterThan(key.Body, Expression.Constant(boundaryKey, typeof(TKey)));
            query = query.Where(Expression.Lambda<Func<T, bool>>(comparison, key.Parameters));
        }

        query = backward ? query.OrderByDescending(key) : query.OrderBy(key);
        var rows = size == 0 ? [] : await executor.ToListAsync(query.Take(size + 1), cancellationToken);
        var hasMore = rows.Count > size;
        if (hasMore) rows.RemoveAt(rows.Count - 1);
        if (backward) rows.Reverse();

        var keyOf = (Func<T, TKey>)CompiledKeys.GetValue(key, k => k.Compile());
        var edges = rows.Select(row => new Edge<T>(CursorCodec.Encode(keyOf(row)), row)).ToList();
        var pageInfo = new PageInfo(
            HasNextPage: backward ? boundary is not null : hasMore,
            HasPreviousPage: backward ? hasMore : boundary is not null,
            StartCursor: edges.FirstOrDefault()?.Cursor,
            EndCursor: edges.LastOrDefault()?.Cursor);
        return new Connection<T>(edges, pageInfo, ct => executor.CountAsync(source, ct));
    }
}
