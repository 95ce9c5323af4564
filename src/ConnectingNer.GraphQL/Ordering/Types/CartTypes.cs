using ConnectingNer.Application.Ordering.ReadModels;
using ConnectingNer.Domain.Ordering;
using ConnectingNer.GraphQL.Catalog.Types;
using ConnectingNer.GraphQL.Common;
using ConnectingNer.GraphQL.Server.Execution;
using ConnectingNer.GraphQL.Server.Relay;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Ordering.Types;

public sealed class CartType : ObjectGraphType<CartReadModel>
{
    public const string TypeName = "Cart";

    public CartType()
    {
        Name = TypeName;
        Description = "A shopping cart, priced as of now. Its id is a secret: keep it on the device, and send it to `mergeCart` after signing in.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The cart's global id (unguessable).")
            .ResolveFromSource(source => GlobalId.Encode(TypeName, source.Id.ToString()));
        Field<NonNullGraphType<BooleanGraphType>>("isOwned").Description("True for a signed-in customer's cart; false for a device's anonymous cart.")
            .ResolveFromSource(source => source.IsOwned);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CartLineType>>>>("lines").Description("What is in the cart, oldest first.")
            .ResolveFromSource(source => source.Lines);
        Field<NonNullGraphType<IntGraphType>>("totalQuantity").Description("Units in the cart.").ResolveFromSource(source => source.TotalQuantity);
        Field<NonNullGraphType<MoneyType>>("total").Description("What the cart costs now, GST included.").ResolveFromSource(source => source.TotalPaise);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("updatedAt").Description("When the cart last changed (carts untouched for 30 days are deleted).")
            .ResolveFromSource(source => source.UpdatedAt);
    }
}

public sealed class CartLineType : ObjectGraphType<CartLineReadModel>
{
    public CartLineType()
    {
        Name = "CartLine";
        Description = "A product in a cart.";
        Field<ProductType>("product").Description("The product (null once it is no longer in the catalog).")
            .Resolve(ctx => ctx.LoadProduct(ctx.Source.ProductId));
        Field<NonNullGraphType<IntGraphType>>("quantity").Description($"Units, {CartLine.MinQuantity} to {CartLine.MaxQuantity}.")
            .ResolveFromSource(source => source.Quantity);
        Field<NonNullGraphType<MoneyType>>("unitPrice").Description("The price of one unit now, GST included.").ResolveFromSource(source => source.UnitPricePaise);
        Field<NonNullGraphType<MoneyType>>("lineTotal").Description("Unit price × quantity.").ResolveFromSource(source => source.LineTotalPaise);
        Field<NonNullGraphType<BooleanGraphType>>("isAvailable")
            .Description("False when the product was withdrawn or fewer units are in stock than the line asks for.")
            .ResolveFromSource(source => source.IsAvailable);
    }
}

public sealed record CartLineInput(string CartId, string ProductId, int Quantity);

public sealed class CartLineInputType() : CartLineInputBase("AddCartLineInput", "A product and how many units to add.");

public sealed class UpdateCartLineInputType() : CartLineInputBase("UpdateCartLineInput", "A cart's line and its new quantity.");

public abstract class CartLineInputBase : InputObjectGraphType<CartLineInput>
{
    protected CartLineInputBase(string name, string description)
    {
        Name = name;
        Description = description;
        Field<NonNullGraphType<IdGraphType>>("cartId").Description("The cart.");
        Field<NonNullGraphType<IdGraphType>>("productId").Description("The product.");
        Field<NonNullGraphType<IntGraphType>>("quantity").Description($"Units, {CartLine.MinQuantity} to {CartLine.MaxQuantity}.");
    }
}

public sealed record RemoveCartLineInput(string CartId, string ProductId);

public sealed class RemoveCartLineInputType : InputObjectGraphType<RemoveCartLineInput>
{
    public RemoveCartLineInputType()
    {
        Name = "RemoveCartLineInput";
        Description = "The product to take out of the cart.";
        Field<NonNullGraphType<IdGraphType>>("cartId").Description("The cart.");
        Field<NonNullGraphType<IdGraphType>>("productId").Description("The product.");
    }
}

public sealed record MergeCartInput(string CartId);

public sealed class MergeCartInputType : InputObjectGraphType<MergeCartInput>
{
    public MergeCartInputType()
    {
        Name = "MergeCartInput";
        Description = "The device's cart to merge into yours.";
        Field<NonNullGraphType<IdGraphType>>("cartId").Description("The anonymous cart kept on the device.");
    }
}

public sealed class CartPayloadType() : PayloadType<CartType, CartReadModel>("CartPayload", "cart", "The result of a cart change: the cart as it now is.");
