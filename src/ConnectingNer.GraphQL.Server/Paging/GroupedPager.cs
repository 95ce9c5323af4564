using System.Linq.Expressions;
using ConnectingNer.GraphQL.Server.Expressions;

namespace ConnectingNer.GraphQL.Server.Paging;

/// <summary>The first page of many groups in one query.</summary>
public static class GroupedPager
{
    public static Connection<T> Empty<T>() =>
        new([], new PageInfo(false, false, null, null), _ => Task.FromResult(0));

    public static async Task<IReadOnlyDictionary<TKey, Connection<T>>> PageAsync<T, TKey>(
        IQueryable<T> query, Expression<Func<T, TKey>> groupKey, IReadOnlyCollection<TKey> parents, PagePlan<T> plan,
        int size, IQueryExecutor executor, CancellationToken cancellationToken)
        where TKey : notnull
    {
        var wanted = parents.ToList();
        var parameter = Expression.Parameter(typeof(T), "x");
        var inGroups = Expression.Lambda<Func<T, bool>>(
            Expression.Call(Expression.Constant(wanted), typeof(List<TKey>).GetMethod(nameof(List<TKey>.Contains))!,
                LambdaInliner.Inline(groupKey, parameter)), parameter);
        var filtered = query.Where(inGroups);

        // One statement: for each wanted parent key present, the first size + 1 rows of its group in order, with their
        // sort keys (EF Core: a correlated collection with LIMIT, which PostgreSQL runs as a lateral join).
        var withGroup = plan.Keys.Append(new SortKey(groupKey, false)).ToList();
        var parent = Expression.Parameter(typeof(TKey), "parent");
        var item = Expression.Parameter(typeof(T), "item");
        Expression rowsOfParent = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(T)], filtered.Expression,
            Expression.Quote(Expression.Lambda(Expression.Equal(LambdaInliner.Inline(groupKey, item), parent), item)));
        rowsOfParent = plan.Order(filtered.Provider.CreateQuery<T>(rowsOfParent), reverse: false).Expression;
        rowsOfParent = Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(T)], rowsOfParent, Expression.Constant(size + 1));
        rowsOfParent = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(T), typeof(KeysetPager.Keyed<T>)], rowsOfParent,
            Expression.Quote(KeysetPager.WithKeys(withGroup, plan.Projection)));
        rowsOfParent = Expression.Call(typeof(Enumerable), nameof(Enumerable.ToList), [typeof(KeysetPager.Keyed<T>)], rowsOfParent);
        var perParent = Expression.Lambda<Func<TKey, List<KeysetPager.Keyed<T>>>>(rowsOfParent, parent);
        var parentsPresent = filtered.Select(groupKey).Distinct();
        var rows = size == 0
            ? []
            : (await executor.ToListAsync(parentsPresent.Select(perParent), cancellationToken)).SelectMany(r => r).ToList();

        var counts = new Lazy<Task<Dictionary<TKey, int>>>(() => CountAsync(filtered, groupKey, executor, cancellationToken));
        var result = new Dictionary<TKey, Connection<T>>();
        foreach (var group in rows.GroupBy(r => (TKey)r.Keys[^1]!))
        {
            var items = group.ToList();
            var hasMore = items.Count > size;
            var page = items.Take(size).Select(r => new Edge<T>(CursorCodec.Encode(r.Keys[..^1]), r.Node)).ToList();
            var key = group.Key;
            result[key] = new Connection<T>(page,
                new PageInfo(hasMore, false, page.FirstOrDefault()?.Cursor, page.LastOrDefault()?.Cursor),
                async _ => (await counts.Value).GetValueOrDefault(key));
        }

        foreach (var missing in wanted.Where(p => !result.ContainsKey(p)))
            result[missing] = new Connection<T>([], new PageInfo(false, false, null, null), async _ => (await counts.Value).GetValueOrDefault(missing));
        return result;
    }

    private static async Task<Dictionary<TKey, int>> CountAsync<T, TKey>(
        IQueryable<T> filtered, Expression<Func<T, TKey>> groupKey, IQueryExecutor executor, CancellationToken cancellationToken)
        where TKey : notnull
    {
        var counts = await executor.ToListAsync(filtered.GroupBy(groupKey).Select(g => new GroupCount<TKey>(g.Key, g.Count())), cancellationToken);
        return counts.ToDictionary(c => c.Key, c => c.Count);
    }

    private sealed record GroupCount<TKey>(TKey Key, int Count);
}
