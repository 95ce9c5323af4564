using ConnectingNer.Application.Ordering.Commands;
using ConnectingNer.Application.Ordering.ReadModels;
using ConnectingNer.Domain.Common;
using ConnectingNer.GraphQL.Catalog.Types;
using ConnectingNer.GraphQL.Common;
using ConnectingNer.GraphQL.Ordering.Types;
using GraphQL;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Ordering;

/// <summary>Cart changes, checkout, and the steps of an order's life.</summary>
public sealed class OrderingMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<CartPayloadType>("createCart")
            .Description("A new cart for this device; signed in, your own cart (the same on every device).")
            .ResolveAsync(async ctx => Payload<CartReadModel>.From(await ctx.Sender().Send(new CreateCartCommand(), ctx.CancellationToken)));

        mutation.Field<CartPayloadType>("addCartLine")
            .Description("Adds units of an active product (to its line if the cart has one). Stock is checked, not reserved.")
            .Argument<NonNullGraphType<CartLineInputType>>("input")
            .ResolveAsync(async ctx => await LineAsync(ctx, ctx.GetArgument<CartLineInput>("input"),
                (cart, product, i) => new AddCartLineCommand(cart, product, i.Quantity)));

        mutation.Field<CartPayloadType>("updateCartLine")
            .Description("Sets the quantity of a line.")
            .Argument<NonNullGraphType<UpdateCartLineInputType>>("input")
            .ResolveAsync(async ctx => await LineAsync(ctx, ctx.GetArgument<CartLineInput>("input"),
                (cart, product, i) => new UpdateCartLineCommand(cart, product, i.Quantity)));

        mutation.Field<CartPayloadType>("removeCartLine")
            .Description("Takes a product out of the cart.")
            .Argument<NonNullGraphType<RemoveCartLineInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var i = ctx.GetArgument<RemoveCartLineInput>("input");
                return await LineAsync(ctx, new CartLineInput(i.CartId, i.ProductId, 0), (cart, product, _) => new RemoveCartLineCommand(cart, product));
            });

        mutation.Field<CartPayloadType>("mergeCart")
            .Description("After signing in: moves the device's cart into yours (quantities add up) and answers with your cart.")
            .Argument<NonNullGraphType<MergeCartInputType>>("input")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                var id = GlobalIds.Guid(ctx.GetArgument<MergeCartInput>("input").CartId, CartType.TypeName, "cartId");
                if (!id.IsSuccess) return Payload<CartReadModel>.Failure(id.Errors);
                return Payload<CartReadModel>.From(await ctx.Sender().Send(new MergeCartCommand(id.Value), ctx.CancellationToken));
            });
    }

    private static async Task<Payload<CartReadModel>> LineAsync(IResolveFieldContext ctx, CartLineInput input,
        Func<Guid, int, CartLineInput, Mediator.ICommand<Result<CartReadModel>>> command)
    {
        var cart = GlobalIds.Guid(input.CartId, CartType.TypeName, "cartId");
        var product = GlobalIds.Int(input.ProductId, ProductType.TypeName, "productId");
        if (!cart.IsSuccess || !product.IsSuccess) return Payload<CartReadModel>.Failure([.. cart.Errors, .. product.Errors]);
        return Payload<CartReadModel>.From(await ctx.Sender().Send(command(cart.Value, product.Value, input), ctx.CancellationToken));
    }
}
