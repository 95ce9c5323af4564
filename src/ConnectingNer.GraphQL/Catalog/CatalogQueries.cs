using ConnectingNer.Application.Catalog.Queries;
using ConnectingNer.Application.Catalog.ReadModels;
using ConnectingNer.GraphQL.Catalog.Types;
using ConnectingNer.GraphQL.Common;
using ConnectingNer.GraphQL.Server.Data;
using ConnectingNer.GraphQL.Server.Data.Sorting;
using ConnectingNer.GraphQL.Server.Errors;
using ConnectingNer.GraphQL.Server.Paging;
using ConnectingNer.GraphQL.Server.Relay;
using GraphQL;
using GraphQL.Types;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.GraphQL.Catalog;

/// <summary>The catalog's root query fields: each translates its arguments into one request.</summary>
public sealed class CatalogQueries : IQueryFields, INodeSource
{
    /// <summary>The products' unique key, built once rather than as a new expression tree on every request.</summary>
    private static readonly System.Linq.Expressions.Expression<Func<ProductReadModel, int>> ById = p => p.Id;

    private static readonly IReadOnlyList<SortKey> ByRelevance =
        [new SortKey((System.Linq.Expressions.Expression<Func<ProductReadModel, double>>)(p => p.Relevance), Descending: true)];

    public void AddTo(ObjectGraphType query)
    {
        query.Field<ProductsConnectionType>("products")
            .Description("Products for sale, filtered, ordered and paged (default 10, at most 50); ties are broken by id.")
            .DataFeatures<object?, object, ProductFilterInputType, ProductSortInputType>()
            .ResolveAsync(async ctx => await ctx.ToConnectionAsync(
                await ctx.Sender().Send(new ListProductsQuery(), ctx.CancellationToken), ById));

        query.Field<SearchProductsConnectionType>("searchProducts")
            .Description("Products matching a text (words in any order, typos in names forgiven), most relevant first.")
            .Argument<NonNullGraphType<StringGraphType>>("query", "What to look for, 1 to 100 characters.")
            .PagingArguments()
            .ResolveAsync(async ctx => await ctx.ToConnectionAsync(
                await ctx.Sender().Send(new SearchProductsQuery(ctx.GetArgument<string>("query")), ctx.CancellationToken),
                ById, ByRelevance));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<BestSellerType>>>>("bestSellers")
            .Description("The products that sold the most units, across all customers.")
            .Argument<IntGraphType>("first", "How many, 1 to 50 (default 10).")
            .ResolveAsync(async ctx =>
                await ctx.Sender().Send(new ListBestSellersQuery(ctx.GetArgument("first", 10)), ctx.CancellationToken));

        query.Field<ProductType>("product")
            .Description("A product by global id; null with a `NOT_FOUND` error when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The product's global id.")
            .ResolveAsync(async ctx =>
            {
                var id = GlobalIds.RequireInt(ctx.GetArgument<string>("id"), ProductType.TypeName, "id");
                return Found(await ctx.Sender().Send(new GetProductByIdQuery(id), ctx.CancellationToken), "product");
            });

        query.Field<ProductType>("productBySku")
            .Description("A product by SKU (any letter case); null with a `NOT_FOUND` error when there is none.")
            .Argument<NonNullGraphType<StringGraphType>>("sku", "The stock keeping unit.")
            .ResolveAsync(async ctx =>
                Found(await ctx.Sender().Send(new GetProductBySkuQuery(ctx.GetArgument<string>("sku")), ctx.CancellationToken), "product"));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryType>>>>("categories")
            .Description("Every category, by name.")
            .ResolveAsync(async ctx => await ctx.Sender().Send(new ListCategoriesQuery(), ctx.CancellationToken));
    }

    /// <summary>How <c>node(id:)</c> and <c>nodes(ids:)</c> fetch catalog objects: one query per type.</summary>
    public void AddTo(NodeResolvers nodes) => nodes
        .Register(ProductType.TypeName, async (ctx, ids) =>
            (await ctx.Sender().Send(new GetProductsByIdsQuery(ids), ctx.CancellationToken)).ToDictionary(p => p.Key, p => (object)p.Value))
        .Register(CategoryType.TypeName, async (ctx, ids) =>
            (await ctx.Sender().Send(new GetCategoriesByIdsQuery(ids), ctx.CancellationToken)).ToDictionary(c => c.Key, c => (object)c.Value));

    private static ProductReadModel Found(ProductReadModel? product, string what) =>
        product ?? throw new CodedError(ErrorCodes.NotFound, $"No {what} matches.");
}
