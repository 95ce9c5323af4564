using ConnectingNer.Application.Customers.Commands;
using ConnectingNer.Application.Ordering.Queries;
using ConnectingNer.Application.Ordering.ReadModels;
using ConnectingNer.Application.Privacy;
using ConnectingNer.Domain.Customers;
using ConnectingNer.Domain.Ordering;
using ConnectingNer.GraphQL.Catalog.Types;
using ConnectingNer.GraphQL.Common;
using ConnectingNer.GraphQL.Privacy;
using ConnectingNer.GraphQL.Server.Data.Loading;
using ConnectingNer.GraphQL.Server.Data.Projection;
using ConnectingNer.GraphQL.Server.Execution;
using ConnectingNer.GraphQL.Server.Paging;
using ConnectingNer.GraphQL.Server.Relay;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.GraphQL.Ordering.Types;

public sealed class ShipmentStatusType : EnumerationGraphType<ShipmentStatus>
{
    public ShipmentStatusType()
    {
        Name = "ShipmentStatus";
        Description = "ASSIGNED (packed, waiting for the courier) → SHIPPED → DELIVERED.";
    }
}

public sealed class ShipmentType : ObjectGraphType<ShipmentReadModel>
{
    public const string TypeName = "Shipment";

    public ShipmentType()
    {
        Name = TypeName;
        Description = "A delivery assigned to a logistics partner.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The shipment's global id.").ResolveGlobalId(TypeName, source => source.Id);
        Field(s => s.OrderNumber).Description("The order it carries.");
        Field<NonNullGraphType<ShipmentStatusType>>("status").Description("Where the shipment is.").ResolveFromSource(source => source.Status);
        Field(s => s.TrackingNumber, nullable: true).Description("The courier's tracking number.");
        Field(s => s.AssignedAt).Description("When the order was packed and handed over.");
        Field(s => s.ShippedAt, nullable: true).Description("When it left.");
        Field(s => s.DeliveredAt, nullable: true).Description("When it was delivered.");
        Field<NonNullGraphType<MoneyType>>("cashToCollect").Description("For cash on delivery, what to collect; zero otherwise.")
            .Projects(nameof(ShipmentReadModel.CashToCollectPaise)).ResolveFromSource(source => source.CashToCollectPaise);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ShipmentItemType>>>>("items").Description("What to carry.").ResolveFromSource(source => source.Items);
        Field<OrderAddressType>("recipient")
            .Description("Who and where to deliver to (disclosed for the purpose `delivery` and recorded; null from seven days after delivery). "
                + "Personal data (`address.postal`).")
            .Classified(DataCategories.AddressPostal)
            .Projects(nameof(ShipmentReadModel.CustomerId))
            .Resolve(ctx => ctx.LoadRecipient(ctx.Source.Id).Then(r => r is null ? null : OrderAddressType.Disclose(ctx, r)));
    }
}

public sealed class ShipmentItemType : ObjectGraphType<ShipmentItemReadModel>
{
    public ShipmentItemType()
    {
        Name = "ShipmentItem";
        Description = "A product to carry.";
        Field(i => i.Sku).Description("The SKU.");
        Field(i => i.Name).Description("The product's name.");
        Field(i => i.Quantity).Description("Units.");
    }
}

public static class ShipmentRecipientLoader
{
    public static IDataLoaderResult<OrderAddressReadModel?> LoadRecipient(this IResolveFieldContext context, int shipmentId)
    {
        var loader = context.RequestServices!.GetRequiredService<DataLoaderContext>().GetOrAdd(typeof(ShipmentReadModel), () =>
        {
            var sender = context.Sender();
            return new BatchLoader<int, OrderAddressReadModel?>(async (ids, ct) =>
                (await sender.Send(new LoadShipmentRecipientsQuery(ids), ct)).ToDictionary(p => p.Key, p => (OrderAddressReadModel?)p.Value), null);
        });
        return loader.Load(shipmentId);
    }
}

public sealed class ShipmentsConnectionType() : ConnectionGraphType<ShipmentType, ShipmentReadModel>("ShipmentsConnection", "A shipment.");

public sealed class PaymentReceiptType : ObjectGraphType<PaymentReceiptReadModel>
{
    public PaymentReceiptType()
    {
        Name = "PaymentReceipt";
        Description = "What a payment partner learns of an order: number, amount and status — no personal data.";
        Field(p => p.OrderNumber).Description("The order number.");
        Field<NonNullGraphType<MoneyType>>("amount").Description("The amount recorded.").ResolveFromSource(source => source.AmountPaise);
        Field<NonNullGraphType<OrderStatusType>>("status").Description("The order's status now.").ResolveFromSource(source => source.Status);
        Field(p => p.ProviderReference).Description("The provider's reference for the payment.");
    }
}

public sealed record RecordPaymentInput(string OrderNumber, long AmountPaise, string ProviderReference, string IdempotencyKey);

public sealed class RecordPaymentInputType : InputObjectGraphType<RecordPaymentInput>
{
    public RecordPaymentInputType()
    {
        Name = "RecordPaymentInput";
        Description = "A payment the provider received for an order.";
        Field(i => i.OrderNumber).Description("The order number, e.g. `CN/2026-27/000123`.");
        Field(i => i.AmountPaise).Description("The amount in paise: must equal the order's total.");
        Field(i => i.ProviderReference).Description("The provider's reference, 1 to 100 characters.");
        Field(i => i.IdempotencyKey).Description("The provider's notification id: a retried notification records nothing more.");
    }
}

public sealed record UpdateShipmentInput(string ShipmentId, ShipmentStatus Status, string? TrackingNumber, string? Note);

public sealed class UpdateShipmentInputType : InputObjectGraphType<UpdateShipmentInput>
{
    public UpdateShipmentInputType()
    {
        Name = "UpdateShipmentInput";
        Description = "Progress on one of your shipments.";
        Field<NonNullGraphType<IdGraphType>>("shipmentId").Description("The shipment.");
        Field<NonNullGraphType<ShipmentStatusType>>("status").Description("SHIPPED, then DELIVERED.");
        Field<StringGraphType>("trackingNumber").Description("1 to 64 letters, digits or dashes.");
        Field<StringGraphType>("note").Description($"A note for the order's history, at most {OrderEvent.NoteMaxLength} characters.");
    }
}

public sealed record DeliveryAddressInput(string RecipientName, string Line1, string? Line2, string City, string State, string PostalCode, string? Phone)
{
    public AddressInput ToInput() => new(AddressKind.Shipping, RecipientName, Line1, Line2, City, State, PostalCode, "IN", Phone, false);
}

public sealed class DeliveryAddressInputType : InputObjectGraphType<DeliveryAddressInput>
{
    public DeliveryAddressInputType()
    {
        Name = "DeliveryAddressInput";
        Description = "An address in India, as the courier found it.";
        Field(i => i.RecipientName).Description("Who receives.");
        Field(i => i.Line1).Description("House and street.");
        Field(i => i.Line2, nullable: true).Description("Locality or landmark.");
        Field(i => i.City).Description("City or town.");
        Field(i => i.State).Description("State or union territory.");
        Field(i => i.PostalCode).Description("PIN code of that state.");
        Field(i => i.Phone, nullable: true).Description("A phone number for the courier.");
    }
}

public sealed record ReportDeliveryAddressCorrectionInput(string ShipmentId, DeliveryAddressInput Address);

public sealed class ReportDeliveryAddressCorrectionInputType : InputObjectGraphType<ReportDeliveryAddressCorrectionInput>
{
    public ReportDeliveryAddressCorrectionInputType()
    {
        Name = "ReportDeliveryAddressCorrectionInput";
        Description = "The right address for one of your undelivered shipments.";
        Field<NonNullGraphType<IdGraphType>>("shipmentId").Description("The shipment.");
        Field<NonNullGraphType<DeliveryAddressInputType>>("address").Description("The address found to be right.");
    }
}

public sealed record AcceptDeliveryAddressCorrectionInput(string OrderId);

public sealed class AcceptDeliveryAddressCorrectionInputType : InputObjectGraphType<AcceptDeliveryAddressCorrectionInput>
{
    public AcceptDeliveryAddressCorrectionInputType()
    {
        Name = "AcceptDeliveryAddressCorrectionInput";
        Description = "Your order whose courier's corrected address you take into your address book.";
        Field<NonNullGraphType<IdGraphType>>("orderId").Description("The order.");
    }
}

public sealed class ShipmentPayloadType() : PayloadType<ShipmentType, ShipmentReadModel>("ShipmentPayload", "shipment", "The result of a shipment change.");

public sealed class RecordPaymentPayloadType() : PayloadType<PaymentReceiptType, PaymentReceiptReadModel>("RecordPaymentPayload", "payment", "The result of `recordPayment`.");
