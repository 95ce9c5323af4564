using ConnectingNer.Application.Ordering.ReadModels;
using ConnectingNer.Domain.Ordering;
using ConnectingNer.GraphQL.Common;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Ordering.Types;

public sealed record PlaceOrderInput(string CartId, string ShippingAddressId, string? BillingAddressId, PaymentMethod PaymentMethod,
    string? PurchaseOrderNumber, string? OrganisationId, string IdempotencyKey);

public sealed class PlaceOrderInputType : InputObjectGraphType<PlaceOrderInput>
{
    public PlaceOrderInputType()
    {
        Name = "PlaceOrderInput";
        Description = "Checkout: the cart, where it goes and how it is paid.";
        Field<NonNullGraphType<IdGraphType>>("cartId").Description("Your cart.");
        Field<NonNullGraphType<IdGraphType>>("shippingAddressId").Description("One of your addresses.");
        Field<IdGraphType>("billingAddressId").Description("One of your addresses, for the invoice.");
        Field<NonNullGraphType<PaymentMethodType>>("paymentMethod").Description("Prepaid, or cash on delivery (addresses in India only).");
        Field<StringGraphType>("purchaseOrderNumber").Description($"An organisation's PO number, at most {Order.PurchaseOrderNumberMaxLength} characters.");
        Field<IdGraphType>("organisationId").Description("Order for an organisation you buy for (its GSTIN goes on the invoice).");
        Field<NonNullGraphType<StringGraphType>>("idempotencyKey")
            .Description("A key you choose per checkout: sent again with the same input it answers as the first time and places nothing more.");
    }
}

public sealed record OrderStepInput(string OrderId, string? Note);

public sealed class CancelOrderInputType : InputObjectGraphType<OrderStepInput>
{
    public CancelOrderInputType()
    {
        Name = "CancelOrderInput";
        Description = "The order to cancel (until it is packed) and why.";
        Field<NonNullGraphType<IdGraphType>>("orderId").Description("The order.");
        Field<StringGraphType>("note").Description($"Why, at most {OrderEvent.NoteMaxLength} characters.");
    }
}

public sealed class RequestReturnInputType : InputObjectGraphType<OrderStepInput>
{
    public RequestReturnInputType()
    {
        Name = "RequestReturnInput";
        Description = "The delivered order to return, within the return window, and why.";
        Field<NonNullGraphType<IdGraphType>>("orderId").Description("The order.");
        Field<StringGraphType>("note").Description($"Why, at most {OrderEvent.NoteMaxLength} characters.");
    }
}

public sealed class MarkOrderReturnedInputType : InputObjectGraphType<OrderStepInput>
{
    public MarkOrderReturnedInputType()
    {
        Name = "MarkOrderReturnedInput";
        Description = "A returned order whose goods came back.";
        Field<NonNullGraphType<IdGraphType>>("orderId").Description("The order.");
        Field<StringGraphType>("note").Description($"A note, at most {OrderEvent.NoteMaxLength} characters.");
    }
}

public sealed record PackOrderInput(string OrderId, string LogisticsPartnerId);

public sealed class PackOrderInputType : InputObjectGraphType<PackOrderInput>
{
    public PackOrderInputType()
    {
        Name = "PackOrderInput";
        Description = "A paid or confirmed order that is packed, and the logistics partner that will deliver it.";
        Field<NonNullGraphType<IdGraphType>>("orderId").Description("The order.");
        Field<NonNullGraphType<StringGraphType>>("logisticsPartnerId").Description("The partner id of a logistics partner (`orders:fulfil`).");
    }
}

public sealed class OrderPayloadType() : PayloadType<OrderType, OrderReadModel>("OrderPayload", "order", "The result of an order change: the order as it now is.");
