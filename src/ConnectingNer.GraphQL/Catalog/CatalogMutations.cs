using ConnectingNer.Application.Catalog.Commands;
using ConnectingNer.Application.Catalog.ReadModels;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Domain.Common;
using ConnectingNer.GraphQL.Catalog.Types;
using ConnectingNer.GraphQL.Common;
using ConnectingNer.GraphQL.Server.Relay;
using GraphQL;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Catalog;

/// <summary>Catalog staff mutations; each needs the <c>catalog:write</c> policy.</summary>
public static class CatalogMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<CreateProductPayloadType>("createProduct")
            .Description("Adds a product. Send an `idempotencyKey` to retry safely; the SKU is unique anyway. Requires `catalog:write`.")
            .Argument<NonNullGraphType<CreateProductInputType>>("input")
            .AuthorizeWithPolicy(Policies.CatalogWrite)
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<CreateProductInput>("input");
                if (!GlobalId.TryDecodeInt(input.CategoryId, CategoryType.TypeName, out var categoryId))
                    return InvalidId("categoryId", CategoryType.TypeName);
                return Payload<ProductReadModel>.From(await ctx.Sender().Send(new CreateProductCommand(
                    input.Sku, input.Name, input.Description ?? "", input.PricePaise, input.Stock, categoryId, input.IdempotencyKey),
                    ctx.CancellationToken));
            });

        mutation.Field<UpdateProductPayloadType>("updateProduct")
            .Description("Changes a product's details. Requires `catalog:write`.")
            .Argument<NonNullGraphType<UpdateProductInputType>>("input")
            .AuthorizeWithPolicy(Policies.CatalogWrite)
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<UpdateProductInput>("input");
                if (!GlobalId.TryDecodeInt(input.Id, ProductType.TypeName, out var id))
                    return InvalidId("id", ProductType.TypeName);
                int? categoryId = null;
                if (input.CategoryId is not null)
                {
                    if (!GlobalId.TryDecodeInt(input.CategoryId, CategoryType.TypeName, out var category))
                        return InvalidId("categoryId", CategoryType.TypeName);
                    categoryId = category;
                }

                return Payload<ProductReadModel>.From(await ctx.Sender().Send(new UpdateProductCommand(
                    id, input.Name, input.Description, input.PricePaise, categoryId, input.IsActive), ctx.CancellationToken));
            });

        mutation.Field<SetProductStockPayloadType>("setProductStock")
            .Description("Sets the units on hand after a stock count. Requires `catalog:write`.")
            .Argument<NonNullGraphType<SetProductStockInputType>>("input")
            .AuthorizeWithPolicy(Policies.CatalogWrite)
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<SetProductStockInput>("input");
                if (!GlobalId.TryDecodeInt(input.Id, ProductType.TypeName, out var id))
                    return InvalidId("id", ProductType.TypeName);
                return Payload<ProductReadModel>.From(await ctx.Sender().Send(
                    new SetProductStockCommand(id, input.Stock), ctx.CancellationToken));
            });
    }

    private static Payload<ProductReadModel> InvalidId(string field, string typeName) =>
        Payload<ProductReadModel>.Failure(new Error("node.invalid_id", $"'{field}' is not a valid {typeName} id.", field));
}
