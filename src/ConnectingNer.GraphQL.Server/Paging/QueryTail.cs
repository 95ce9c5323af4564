using System.Linq.Expressions;

namespace ConnectingNer.GraphQL.Server.Paging;

/// <summary>
/// The part of a page query that follows its source: order, limit and row selector (or a grouped count's grouping, which
/// takes no limit). It is the same for every request of a field's plan (only the limit's value changes), so an executor may compile it once with each shape of source it
/// meets and pass the limit and the source's values as parameters (<see cref="IQueryExecutor.ToListAsync{TSource,TResult}"/>).
/// A tail is its own cache key: keep one per plan and direction.
/// </summary>
public sealed class QueryTail<TSource, TResult>(Func<Expression, Expression, Expression> build)
{
    /// <summary>The whole query's expression, from the source's and the limit's (a constant, or an executor's parameter).</summary>
    public Expression Apply(Expression source, Expression limit)
    {
        var query = build(source, limit);
        return typeof(IQueryable<TResult>).IsAssignableFrom(query.Type)
            ? query
            : throw new InvalidOperationException($"A query tail built {query.Type}, not IQueryable<{typeof(TResult).Name}>.");
    }

    /// <summary>The whole query over the source, with the limit as a constant.</summary>
    public IQueryable<TResult> Apply(IQueryable<TSource> source, int limit) =>
        source.Provider.CreateQuery<TResult>(Apply(source.Expression, Expression.Constant(limit)));
}
