using ConnectingNer.Application.Catalog.Queries;
using ConnectingNer.Application.Catalog.ReadModels;
using ConnectingNer.GraphQL.Catalog.Types;
using ConnectingNer.GraphQL.Common;
using ConnectingNer.GraphQL.Server;
using ConnectingNer.GraphQL.Server.Errors;
using ConnectingNer.GraphQL.Server.Paging;
using GraphQL;
using GraphQL.Types;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.GraphQL.Catalog;

/// <summary>The catalog's root query fields: each translates its arguments into one request.</summary>
public static class CatalogQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<ProductsConnectionType>("products")
            .Description("Products for sale, in a stable order, one page at a time (default 10, at most 50).")
            .PagingArguments()
            .ResolveAsync(async ctx =>
            {
                var options = ctx.RequestServices!.GetRequiredService<GraphQLServerOptions>();
                var arguments = PagingArguments.From(ctx);
                arguments.Validate(options.MaxPageSize);
                var products = await Sender(ctx).Send(new ListProductsQuery(), ctx.CancellationToken);
                return await QueryablePager.PageAsync(products, p => p.Id, arguments, options.DefaultPageSize,
                    ctx.RequestServices!.GetRequiredService<IQueryExecutor>(), ctx.CancellationToken);
            });

        query.Field<ProductType>("product")
            .Description("A product by global id; null with a `NOT_FOUND` error when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The product's global id.")
            .ResolveAsync(async ctx =>
            {
                var id = GlobalIds.Require(ctx.GetArgument<string>("id"), ProductType.TypeName, "id");
                return Found(await Sender(ctx).Send(new GetProductByIdQuery(id), ctx.CancellationToken), "product");
            });

        query.Field<ProductType>("productBySku")
            .Description("A product by SKU (any letter case); null with a `NOT_FOUND` error when there is none.")
            .Argument<NonNullGraphType<StringGraphType>>("sku", "The stock keeping unit.")
            .ResolveAsync(async ctx =>
                Found(await Sender(ctx).Send(new GetProductBySkuQuery(ctx.GetArgument<string>("sku")), ctx.CancellationToken), "product"));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryType>>>>("categories")
            .Description("Every category, by name.")
            .ResolveAsync(async ctx => await Sender(ctx).Send(new ListCategoriesQuery(), ctx.CancellationToken));
    }

    internal static ISender Sender(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<ISender>();

    private static ProductReadModel Found(ProductReadModel? product, string what) =>
        product ?? throw new CodedError(ErrorCodes.NotFound, $"No {what} matches.");
}
