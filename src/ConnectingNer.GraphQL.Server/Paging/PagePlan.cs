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

    public PagePlan(IReadOnlyList<SortKey> keys, Expression<Func<T, T>>? projection)
    {
        Keys = keys;
        Projection = projection;
        Selector = KeysetPager.WithKeys(keys, projection);
        _forward = Operators(keys, reverse: false);
        _backward = Operators(keys, reverse: true);
        Forward = Tail(reverse: false);
        Backward = Tail(reverse: true);
    }

    public IReadOnlyList<SortKey> Keys { get; }

    public Expression<Func<T, T>>? Projection { get; }

    public Expression<Func<T, KeysetPager.Keyed<T>>> Selector { get; }

    /// <summary>Order, limit and row selector after a page's source, paging forward (a tail is the key of its compiled query).</summary>
    public QueryTail<T, KeysetPager.Keyed<T>> Forward { get; }

    /// <summary>As <see cref="Forward"/>, with each key reversed, paging backward.</summary>
    public QueryTail<T, KeysetPager.Keyed<T>> Backward { get; }

    /// <summary>A query's expression ordered by the keys (each reversed when paging backward).</summary>
    public Expression Order(Expression query, bool reverse)
    {
        foreach (var (method, key) in reverse ? _backward : _forward) query = Expression.Call(method, query, key);
        return query;
    }

    private static readonly MethodInfo Take = typeof(Queryable).GetMethods()
        .Single(m => m.Name == nameof(Queryable.Take) && m.GetParameters()[1].ParameterType == typeof(int)).MakeGenericMethod(typeof(T));

    private static readonly MethodInfo Select = typeof(Queryable).GetMethods()
        .Single(m => m.Name == nameof(Queryable.Select) && m.GetParameters()[1].ParameterType.GetGenericArguments()[0].GetGenericArguments().Length == 2)
        .MakeGenericMethod(typeof(T), typeof(KeysetPager.Keyed<T>));

    private QueryTail<T, KeysetPager.Keyed<T>> Tail(bool reverse)
    {
        var quoted = Expression.Quote(Selector);
        return new QueryTail<T, KeysetPager.Keyed<T>>((source, limit) => Expression.Call(Select, Expression.Call(Take, Order(source, reverse), limit), quoted));
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
