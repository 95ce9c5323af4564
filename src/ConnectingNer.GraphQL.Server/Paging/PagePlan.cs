using System.Linq.Expressions;
using System.Reflection;

namespace ConnectingNer.GraphQL.Server.Paging;

/// <summary>
/// What paging a field needs besides the page's own values: the sort keys, the projection, the row selector with its
/// sort key values, and the ordering operators in both directions, resolved once.
/// </summary>
public sealed class PagePlan<T>
{
    private readonly (MethodInfo Method, UnaryExpression Key)[] _forward;
    private readonly (MethodInfo Method, UnaryExpression Key)[] _backward;
    private object? _grouped;

    public PagePlan(IReadOnlyList<SortKey> keys, Expression<Func<T, T>>? projection)
    {
        Keys = keys;
        Projection = projection;
        Selector = KeysetPager.WithKeys(keys, projection);
        _forward = Operators(keys, reverse: false);
        _backward = Operators(keys, reverse: true);
        Forward = Tail(_forward, Selector);
        Backward = Tail(_backward, Selector);
    }

    public IReadOnlyList<SortKey> Keys { get; }

    public Expression<Func<T, T>>? Projection { get; }

    public Expression<Func<T, KeysetPager.Keyed<T>>> Selector { get; }

    /// <summary>Order, limit and row selector after a page's source, paging forward (a tail is the key of its compiled query).</summary>
    public QueryTail<T, KeysetPager.Keyed<T>> Forward { get; }

    /// <summary>As <see cref="Forward"/>, with each key reversed, paging backward.</summary>
    public QueryTail<T, KeysetPager.Keyed<T>> Backward { get; }

    /// <summary>The query ordered by the keys (each reversed when paging backward).</summary>
    public IQueryable<T> Order(IQueryable<T> query, bool reverse) => query.Provider.CreateQuery<T>(Order(query.Expression, reverse));

    /// <summary>A query's expression ordered by the keys (each reversed when paging backward).</summary>
    public Expression Order(Expression query, bool reverse)
    {
        foreach (var (method, key) in reverse ? _backward : _forward) query = Expression.Call(method, query, key);
        return query;
    }

    /// <summary>
    /// The tail of this plan's first pages of many groups (<see cref="GroupedPager"/>). A plan serves one field, so one
    /// group key: the tail is made with the first and kept.
    /// </summary>
    public QueryTail<T, List<KeysetPager.Keyed<T>>> Grouped<TKey>(Expression<Func<T, TKey>> groupKey) =>
        (QueryTail<T, List<KeysetPager.Keyed<T>>>)(_grouped ??= GroupedPager.Tail(this, groupKey));

    private static readonly MethodInfo Take = typeof(Queryable).GetMethods()
        .Single(m => m.Name == nameof(Queryable.Take) && m.GetParameters()[1].ParameterType == typeof(int)).MakeGenericMethod(typeof(T));

    private static readonly MethodInfo Select = typeof(Queryable).GetMethods()
        .Single(m => m.Name == nameof(Queryable.Select) && m.GetParameters()[1].ParameterType.GetGenericArguments()[0].GetGenericArguments().Length == 2)
        .MakeGenericMethod(typeof(T), typeof(KeysetPager.Keyed<T>));

    private static QueryTail<T, KeysetPager.Keyed<T>> Tail((MethodInfo Method, UnaryExpression Key)[] order, Expression<Func<T, KeysetPager.Keyed<T>>> selector)
    {
        var quoted = Expression.Quote(selector);
        return new QueryTail<T, KeysetPager.Keyed<T>>((source, limit) =>
        {
            foreach (var (method, key) in order) source = Expression.Call(method, source, key);
            return Expression.Call(Select, Expression.Call(Take, source, limit), quoted);
        });
    }

    private static (MethodInfo, UnaryExpression)[] Operators(IReadOnlyList<SortKey> keys, bool reverse) =>
        keys.Select((key, i) =>
        {
            var name = (i == 0, key.Descending ^ reverse) switch
            {
                (true, false) => nameof(Queryable.OrderBy),
                (true, true) => nameof(Queryable.OrderByDescending),
                (false, false) => nameof(Queryable.ThenBy),
                (false, true) => nameof(Queryable.ThenByDescending),
            };
            var method = typeof(Queryable).GetMethods()
                .Single(m => m.Name == name && m.GetParameters().Length == 2)
                .MakeGenericMethod(typeof(T), key.Type);
            return (method, Expression.Quote(key.Member));
        }).ToArray();
}
