using System.Linq.Expressions;
using System.Reflection;
using ConnectingNer.GraphQL.Server.Expressions;

namespace ConnectingNer.GraphQL.Server.Paging;

/// <summary>
/// Keyset (seek) paging over any order whose last key is unique: a cursor holds the sort key values of its row, so
/// pages stay correct when rows are inserted or deleted between requests, and the database seeks with its indexes.
/// One query per page, projected to what the client selected; the count runs only if <c>totalCount</c> is read.
/// </summary>
public static class KeysetPager
{
    private static readonly MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    public static Task<Connection<T>> PageAsync<T>(
        IQueryable<T> source, IReadOnlyList<SortKey> keys, Expression<Func<T, T>>? projection, PagingArguments arguments,
        int defaultPageSize, IQueryExecutor executor, CancellationToken cancellationToken) =>
        PageAsync(source, new PagePlan<T>(keys, projection), arguments, defaultPageSize, executor, cancellationToken);

    /// <summary>A page by a <see cref="PagePlan{T}"/> made for an earlier request of the same operation.</summary>
    public static async Task<Connection<T>> PageAsync<T>(
        IQueryable<T> source, PagePlan<T> plan, PagingArguments arguments, int defaultPageSize, IQueryExecutor executor,
        CancellationToken cancellationToken)
    {
        var keys = plan.Keys;
        var backward = arguments.Last is not null || arguments.Before is not null;
        var size = (backward ? arguments.Last : arguments.First) ?? defaultPageSize;
        var boundary = backward ? arguments.Before : arguments.After;

        var query = source;
        if (boundary is not null)
            query = query.Where(Seek<T>(keys, CursorCodec.Decode(boundary, keys.Select(k => k.Type).ToList()), backward));

        var rows = size == 0 ? [] : await executor.ToListAsync(query, backward ? plan.Backward : plan.Forward, size + 1, cancellationToken);
        var hasMore = rows.Count > size;
        if (hasMore) rows.RemoveAt(rows.Count - 1);
        if (backward) rows.Reverse();

        var edges = rows.Select(row => new Edge<T>(row.Keys, row.Node)).ToList();
        var pageInfo = new PageInfo(
            hasNextPage: backward ? boundary is not null : hasMore,
            hasPreviousPage: backward ? hasMore : boundary is not null,
            edges.FirstOrDefault(), edges.LastOrDefault());
        return new Connection<T>(edges, pageInfo, ct => executor.CountAsync(source, plan, ct));
    }

    /// <summary>A row and the values of its sort keys, read in the same query.</summary>
    public sealed record Keyed<T>(T Node, object?[] Keys);

    public static Expression<Func<T, Keyed<T>>> WithKeys<T>(IReadOnlyList<SortKey> keys, Expression<Func<T, T>>? projection)
    {
        var parameter = Expression.Parameter(typeof(T), "x");
        Expression node = projection is null ? parameter : LambdaInliner.Inline(projection, parameter);
        var values = Expression.NewArrayInit(typeof(object),
            keys.Select(k => Expression.Convert(LambdaInliner.Inline(k.Member, parameter), typeof(object))));
        var constructor = typeof(Keyed<T>).GetConstructor([typeof(T), typeof(object[])])!;
        return Expression.Lambda<Func<T, Keyed<T>>>(Expression.New(constructor, node, values), parameter);
    }

    /// <summary>(k1 after v1) or (k1 = v1 and k2 after v2) or …, where "after" follows each key's direction.</summary>
    public static Expression<Func<T, bool>> Seek<T>(IReadOnlyList<SortKey> keys, object?[] values, bool backward)
    {
        var parameter = Expression.Parameter(typeof(T), "x");
        Expression? any = null;
        for (var i = 0; i < keys.Count; i++)
        {
            Expression clause = Compare(keys[i], parameter, values[i], keys[i].Descending ^ backward ? ExpressionType.LessThan : ExpressionType.GreaterThan);
            for (var j = i - 1; j >= 0; j--)
                clause = Expression.AndAlso(Compare(keys[j], parameter, values[j], ExpressionType.Equal), clause);
            any = any is null ? clause : Expression.OrElse(any, clause);
        }

        return Expression.Lambda<Func<T, bool>>(any!, parameter);
    }

    private static Expression Compare(SortKey key, ParameterExpression parameter, object? value, ExpressionType comparison)
    {
        var member = LambdaInliner.Inline(key.Member, parameter);
        var boxed = Activator.CreateInstance(typeof(StrongBox<>).MakeGenericType(key.Type), value)!;
        var constant = Expression.Field(Expression.Constant(boxed), "Value");
        if (key.Type == typeof(string) && comparison != ExpressionType.Equal)
            return Expression.MakeBinary(comparison, Expression.Call(StringCompare, member, constant), Expression.Constant(0));
        return Expression.MakeBinary(comparison, member, constant);
    }

    private sealed class StrongBox<TValue>(TValue value)
    {
        public TValue Value = value;
    }
}
