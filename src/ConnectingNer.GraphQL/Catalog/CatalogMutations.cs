using ConnectingNer.Application.Catalog.Commands;
using ConnectingNer.Application.Catalog.Queries;
using ConnectingNer.Application.Catalog.ReadModels;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.GraphQL.Catalog.Types;
using ConnectingNer.GraphQL.Common;
using GraphQL;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Catalog;

/// <summary>Catalog staff mutations; each needs the <c>catalog:write</c> policy.</summary>
public sealed class CatalogMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<CreateProductPayloadType>("createProduct")
            .Description("Adds a product. Send an `idempotencyKey` to retry safely; the SKU is unique anyway. Requires `catalog:write`.")
            .Argument<NonNullGraphType<CreateProductInputType>>("input")
            .AuthorizeWithPolicy(Policies.CatalogWrite)
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<CreateProductInput>("input");
                var categoryId = GlobalIds.Int(input.CategoryId, CategoryType.TypeName, "categoryId");
                if (!categoryId.IsSuccess) return Payload<ProductReadModel>.Failure(categoryId.Errors);
                return Payload<ProductReadModel>.From(await ctx.Sender().Send(new CreateProductCommand(
                    input.Sku, input.Name, input.Description ?? "", input.PricePaise, input.Stock, categoryId.Value, input.IdempotencyKey),
                    ctx.CancellationToken));
            });

        mutation.Field<UpdateProductPayloadType>("updateProduct")
            .Description("Changes a product's details. Requires `catalog:write`.")
            .Argument<NonNullGraphType<UpdateProductInputType>>("input")
            .AuthorizeWithPolicy(Policies.CatalogWrite)
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<UpdateProductInput>("input");
                var id = GlobalIds.Int(input.Id, ProductType.TypeName, "id");
                if (!id.IsSuccess) return Payload<ProductReadModel>.Failure(id.Errors);
                var categoryId = GlobalIds.OptionalInt(input.CategoryId, CategoryType.TypeName, "categoryId");
                if (!categoryId.IsSuccess) return Payload<ProductReadModel>.Failure(categoryId.Errors);
                return Payload<ProductReadModel>.From(await ctx.Sender().Send(new UpdateProductCommand(
                    id.Value, input.Name, input.Description, input.PricePaise, categoryId.Value, input.IsActive), ctx.CancellationToken));
            });

        mutation.Field<SetProductStockPayloadType>("setProductStock")
            .Description("Sets the units on hand after a stock count. Requires `catalog:write`.")
            .Argument<NonNullGraphType<SetProductStockInputType>>("input")
            .AuthorizeWithPolicy(Policies.CatalogWrite)
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<SetProductStockInput>("input");
                var id = GlobalIds.Int(input.Id, ProductType.TypeName, "id");
                if (!id.IsSuccess) return Payload<ProductReadModel>.Failure(id.Errors);
                return Payload<ProductReadModel>.From(await ctx.Sender().Send(
                    new SetProductStockCommand(id.Value, input.Stock), ctx.CancellationToken));
            });

        mutation.Field<SetProductPriceBreaksPayloadType>("setProductPriceBreaks")
            .Description("Replaces a product's bulk prices. Requires `catalog:write`.")
            .Argument<NonNullGraphType<SetProductPriceBreaksInputType>>("input")
            .AuthorizeWithPolicy(Policies.CatalogWrite)
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<SetProductPriceBreaksInput>("input");
                var id = GlobalIds.Int(input.ProductId, ProductType.TypeName, "productId");
                if (!id.IsSuccess) return Payload<ProductReadModel>.Failure(id.Errors);
                var set = await ctx.Sender().Send(new SetProductPriceBreaksCommand(id.Value,
                    [.. input.Breaks.Select(b => (b.MinQuantity, b.UnitPricePaise))]), ctx.CancellationToken);
                if (!set.IsSuccess) return Payload<ProductReadModel>.Failure(set.Errors);
                return new Payload<ProductReadModel>(await ctx.Sender().Send(new GetProductByIdQuery(set.Value), ctx.CancellationToken), []);
            });
    }
}