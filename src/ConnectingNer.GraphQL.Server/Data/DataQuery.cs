using System.Linq.Expressions;
using ConnectingNer.GraphQL.Server.Data.Filtering;
using ConnectingNer.GraphQL.Server.Data.Loading;
using ConnectingNer.GraphQL.Server.Data.Projection;
using ConnectingNer.GraphQL.Server.Data.Sorting;
using ConnectingNer.GraphQL.Server.Errors;
using ConnectingNer.GraphQL.Server.Paging;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.GraphQL.Server.Data;

/// <summary>
/// Resolves a connection field from a query: the field's <c>where</c>, <c>order</c> and paging arguments and its
/// selection set become one SQL statement (filter, order, seek, limit, only the selected columns).
/// </summary>
public static class DataQuery
{
    /// <param name="defaultOrder">The order when the field has no <c>order</c> argument or the client gives none (before the key).</param>
    public static async Task<Connection<T>> ToConnectionAsync<T>(
        this IResolveFieldContext context, IQueryable<T> source, Expression<Func<T, int>> key, IReadOnlyList<SortKey>? defaultOrder = null)
    {
        var services = context.RequestServices!;
        var options = services.GetRequiredService<GraphQLServerOptions>();
        var arguments = PagingArguments.From(context);
        arguments.Validate(options.MaxPageSize);

        var query = Filter(context, source);
        var plan = Plan(context, key, defaultOrder);
        return await KeysetPager.PageAsync(query, plan, arguments, options.DefaultPageSize,
            services.GetRequiredService<IQueryExecutor>(), context.CancellationToken);
    }

    /// <summary>
    /// The field's sort keys, projection and row selector: built once per operation and order (see <see cref="FieldPlans"/>).
    /// The key and the default order are the field's own, the same on every call.
    /// </summary>
    private static PagePlan<T> Plan<T>(IResolveFieldContext context, Expression<Func<T, int>> key, IReadOnlyList<SortKey>? defaultOrder)
    {
        var order = Argument<IEnumerable<object?>>(context, "order");
        return FieldPlans.GetOrAdd(context, FieldPlans.Signature(order), () =>
        {
            var keys = order is null && defaultOrder is not null
                ? [.. defaultOrder, new SortKey(key, false)]
                : SortKeys.From(ArgumentType<ISortInputType>(context, "order"), order, key);
            return new PagePlan<T>(keys, Projection<T>(context));
        });
    }

    /// <summary>
    /// A connection per parent (say, the posts of each author in a list), loaded for every parent of the
    /// level in one query: the first <c>first</c> items of each group, in the requested order.
    /// </summary>
    public static IDataLoaderResult<Connection<T>> LoadConnection<T>(
        this IResolveFieldContext context, int parentKey, Func<CancellationToken, ValueTask<IQueryable<T>>> source,
        Expression<Func<T, int>> groupKey, Expression<Func<T, int>> key) =>
        context.LoadConnection<T, int>(parentKey, source, groupKey, key);

    /// <summary><see cref="LoadConnection{T}"/> for parents of any key type (a GUID, say).</summary>
    public static IDataLoaderResult<Connection<T>> LoadConnection<T, TKey>(
        this IResolveFieldContext context, TKey parentKey, Func<CancellationToken, ValueTask<IQueryable<T>>> source,
        Expression<Func<T, TKey>> groupKey, Expression<Func<T, int>> key)
        where TKey : notnull
    {
        var services = context.RequestServices!;
        var options = services.GetRequiredService<GraphQLServerOptions>();
        var arguments = PagingArguments.From(context);
        arguments.Validate(options.MaxPageSize);
        if (arguments.After is not null || arguments.Before is not null || arguments.Last is not null)
            throw new CodedError(ErrorCodes.InvalidPagingArgument,
                "A nested list takes 'first' only; page further through the top-level field.");

        var loader = services.GetRequiredService<DataLoaderContext>().GetOrAdd(context.FieldAst, () =>
        {
            var plan = Plan(context, key, null);
            var executor = services.GetRequiredService<IQueryExecutor>();
            var size = arguments.First ?? options.DefaultPageSize;
            return new BatchLoader<TKey, Connection<T>>(
                async (parents, ct) => await GroupedPager.PageAsync(Filter(context, await source(ct)), groupKey, parents, plan,
                    size, executor, ct),
                GroupedPager.Empty<T>());
        });
        return loader.Load(parentKey);
    }

    private static IQueryable<T> Filter<T>(IResolveFieldContext context, IQueryable<T> source)
    {
        var type = ArgumentType<IFilterInputType>(context, "where");
        var where = Argument<IDictionary<string, object?>>(context, "where");
        if (type is null || where is null) return source;
        var builder = new FilterExpressionBuilder(context.RequestServices!.GetRequiredService<IStringMatcher>());
        return builder.Apply(source, type, where);
    }

    private static Expression<Func<T, T>>? Projection<T>(IResolveFieldContext context)
    {
        if (context.FieldDefinition.ResolvedType.Unwrap() is not IComplexGraphType connection) return null;
        if (connection.GetField("nodes")?.ResolvedType.Unwrap() is not IComplexGraphType node) return null;
        return ProjectionBuilder.Build<T>(node, SelectionCollector.ConnectionNodes(context.FieldAst, context.Document), context.Document);
    }

    private static TType? ArgumentType<TType>(IResolveFieldContext context, string name) where TType : class =>
        context.FieldDefinition.Arguments?.Find(name)?.ResolvedType.Unwrap() as TType;

    private static TValue? Argument<TValue>(IResolveFieldContext context, string name) where TValue : class =>
        context.Arguments is not null && context.Arguments.TryGetValue(name, out var value) ? value.Value as TValue : null;

}
