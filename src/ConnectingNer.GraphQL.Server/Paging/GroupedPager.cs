using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using ConnectingNer.GraphQL.Server.Expressions;

namespace ConnectingNer.GraphQL.Server.Paging;

/// <summary>The first page of many groups in one query.</summary>
public static class GroupedPager
{
    /// <summary>
    /// The page and count tails of each plan's grouped pages (a <see cref="Tails{T,TKey}"/>), kept as long as the plan.
    /// A plan serves one field, so one group key: the tails are made with the first request's and kept.
    /// </summary>
    private static readonly ConditionalWeakTable<object, object> TailsByPlan = new();

    public static Connection<T> Empty<T>() =>
        new([], PageInfo.Empty, _ => Task.FromResult(0));

    public static async Task<IReadOnlyDictionary<TKey, Connection<T>>> PageAsync<T, TKey>(
        IQueryable<T> query, Expression<Func<T, TKey>> groupKey, IReadOnlyCollection<TKey> parents, PagePlan<T> plan,
        int size, IQueryExecutor executor, CancellationToken cancellationToken)
        where TKey : notnull
    {
        var wanted = parents.ToList();
        // The wanted keys are read from a box, so that a compiled page takes them as a parameter.
        var parameter = Expression.Parameter(typeof(T), "x");
        var inGroups = Expression.Lambda<Func<T, bool>>(
            Expression.Call(Expression.Field(Expression.Constant(new StrongBox<List<TKey>>(wanted)), nameof(StrongBox<List<TKey>>.Value)),
                typeof(List<TKey>).GetMethod(nameof(List<TKey>.Contains))!, LambdaInliner.Inline(groupKey, parameter)), parameter);
        var filtered = query.Where(inGroups);
        var tails = (Tails<T, TKey>)TailsByPlan.GetValue(plan, _ => new Tails<T, TKey>(PageTail(plan, groupKey), CountTail<T, TKey>(groupKey)));
        var rows = size == 0
            ? []
            : (await executor.ToListAsync(filtered, tails.Page, size + 1, cancellationToken)).SelectMany(r => r).ToList();

        var counts = new Lazy<Task<Dictionary<TKey, int>>>(() => CountAsync(filtered, tails.Count, executor, cancellationToken));
        var result = new Dictionary<TKey, Connection<T>>();
        foreach (var group in rows.GroupBy(r => (TKey)r.Keys[^1]!))
        {
            var items = group.ToList();
            var hasMore = items.Count > size;
            var page = items.Take(size).Select(r => new Edge<T>(new ArraySegment<object?>(r.Keys, 0, r.Keys.Length - 1), r.Node)).ToList();
            var key = group.Key;
            result[key] = new Connection<T>(page,
                new PageInfo(hasMore, false, page.FirstOrDefault(), page.LastOrDefault()),
                async _ => (await counts.Value).GetValueOrDefault(key));
        }

        foreach (var missing in wanted.Where(p => !result.ContainsKey(p)))
            result[missing] = new Connection<T>([], PageInfo.Empty, async _ => (await counts.Value).GetValueOrDefault(missing));
        return result;
    }

    /// <summary>
    /// The tail of a grouped page over its filtered source: for each wanted parent key present, the first
    /// <c>limit</c> rows of its group in order, with their sort keys and the group's key last (EF Core: a correlated
    /// collection with LIMIT, which PostgreSQL runs as a lateral join). One statement for all parents.
    /// </summary>
    private static QueryTail<T, List<KeysetPager.Keyed<T>>> PageTail<T, TKey>(PagePlan<T> plan, Expression<Func<T, TKey>> groupKey)
    {
        var selector = Expression.Quote(KeysetPager.WithKeys([.. plan.Keys, new SortKey(groupKey, false)], plan.Projection));
        return new QueryTail<T, List<KeysetPager.Keyed<T>>>((source, limit) =>
        {
            var parent = Expression.Parameter(typeof(TKey), "parent");
            var item = Expression.Parameter(typeof(T), "item");
            Expression rowsOfParent = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(T)], source,
                Expression.Quote(Expression.Lambda(Expression.Equal(LambdaInliner.Inline(groupKey, item), parent), item)));
            rowsOfParent = plan.Order(rowsOfParent, reverse: false);
            rowsOfParent = Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(T)], rowsOfParent, limit);
            rowsOfParent = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(T), typeof(KeysetPager.Keyed<T>)], rowsOfParent, selector);
            rowsOfParent = Expression.Call(typeof(Enumerable), nameof(Enumerable.ToList), [typeof(KeysetPager.Keyed<T>)], rowsOfParent);
            var perParent = Expression.Lambda<Func<TKey, List<KeysetPager.Keyed<T>>>>(rowsOfParent, parent);
            var parentsPresent = Expression.Call(typeof(Queryable), nameof(Queryable.Distinct), [typeof(TKey)],
                Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(T), typeof(TKey)], source, Expression.Quote(groupKey)));
            return Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(TKey), typeof(List<KeysetPager.Keyed<T>>)],
                parentsPresent, Expression.Quote(perParent));
        });
    }

    private static async Task<Dictionary<TKey, int>> CountAsync<T, TKey>(
        IQueryable<T> filtered, QueryTail<T, GroupCount<TKey>> tail, IQueryExecutor executor, CancellationToken cancellationToken)
        where TKey : notnull
    {
        // Counts have no limit: the tail leaves it out.
        var counts = await executor.ToListAsync(filtered, tail, 0, cancellationToken);
        return counts.ToDictionary(c => c.Key, c => c.Count);
    }

    private static QueryTail<T, GroupCount<TKey>> CountTail<T, TKey>(Expression<Func<T, TKey>> groupKey)
    {
        Expression<Func<IGrouping<TKey, T>, GroupCount<TKey>>> count = g => new GroupCount<TKey>(g.Key, g.Count());
        return new QueryTail<T, GroupCount<TKey>>((source, _) => Expression.Call(typeof(Queryable), nameof(Queryable.Select),
            [typeof(IGrouping<TKey, T>), typeof(GroupCount<TKey>)],
            Expression.Call(typeof(Queryable), nameof(Queryable.GroupBy), [typeof(T), typeof(TKey)], source, Expression.Quote(groupKey)),
            Expression.Quote(count)));
    }

    private sealed record GroupCount<TKey>(TKey Key, int Count);

    private sealed record Tails<T, TKey>(QueryTail<T, List<KeysetPager.Keyed<T>>> Page, QueryTail<T, GroupCount<TKey>> Count);
}
