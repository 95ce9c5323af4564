using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Ordering.Queries;
using ConnectingNer.Application.Ordering.ReadModels;
using ConnectingNer.Application.Privacy;
using ConnectingNer.Domain.Ordering;
using ConnectingNer.GraphQL.Catalog.Types;
using ConnectingNer.GraphQL.Common;
using ConnectingNer.GraphQL.Customers.Types;
using ConnectingNer.GraphQL.Privacy;
using ConnectingNer.GraphQL.Server.Data.Loading;
using ConnectingNer.GraphQL.Server.Data.Projection;
using ConnectingNer.GraphQL.Server.Execution;
using ConnectingNer.GraphQL.Server.Relay;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.GraphQL.Ordering.Types;

public sealed class OrderStatusType : EnumerationGraphType<OrderStatus>
{
    public OrderStatusType()
    {
        Name = "OrderStatus";
        Description = "Where an order is: PENDING_PAYMENT → PAID (or CONFIRMED for cash on delivery) → PACKED → SHIPPED → DELIVERED; "
            + "CANCELLED until packed; RETURN_REQUESTED → RETURNED within the return window.";
    }
}

public sealed class PaymentMethodType : EnumerationGraphType<PaymentMethod>
{
    public PaymentMethodType()
    {
        Name = "PaymentMethod";
        Description = "How the customer pays.";
    }
}

public sealed class OrderType : ObjectGraphType<OrderReadModel>
{
    public const string TypeName = "Order";

    public OrderType()
    {
        Name = TypeName;
        Description = "A placed order: what was bought at which price and tax, where it goes, and each step of its life.";
        Interface<NodeInterfaceType>();
        Field<NonNullGraphType<IdGraphType>>("id").Description("The order's global id.").ResolveGlobalId(TypeName, o => o.Id);
        this.SourceField(o => o.Number).Description("The order number, gapless within a financial year, e.g. `CN/2026-27/000123`.");
        Field<NonNullGraphType<OrderStatusType>>("status").Description("Where the order is in its life.").ResolveFromSource(o => o.Status);
        Field<NonNullGraphType<PaymentMethodType>>("paymentMethod").Description("Prepaid or cash on delivery.").ResolveFromSource(o => o.PaymentMethod);
        this.SourceField(o => o.PlacedAt).Description("When the order was placed.");
        this.SourceField(o => o.PurchaseOrderNumber, nullable: true).Description("An organisation's purchase order number.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderLineType>>>>("lines").Description("What was bought, as sold.")
            .ProjectsEachItem().ResolveFromSource(o => o.Lines);
        Field<NonNullGraphType<MoneyType>>("total").Description("What the customer pays, GST included.")
            .Projects(nameof(OrderReadModel.TotalPaise)).ResolveFromSource(o => o.TotalPaise);
        Field<NonNullGraphType<TaxBreakdownType>>("taxBreakdown").Description("The GST inside the total.")
            .Projects(nameof(OrderReadModel.TaxableValuePaise), nameof(OrderReadModel.CgstPaise), nameof(OrderReadModel.SgstPaise),
                nameof(OrderReadModel.IgstPaise), nameof(OrderReadModel.IntraState), nameof(OrderReadModel.PlaceOfSupply))
            .ResolveFromSource(source => source);
        Field<InvoiceType>("invoice").Description("The GST invoice, from payment on (cash on delivery: from confirmation).")
            .Projects(nameof(OrderReadModel.InvoiceNumber), nameof(OrderReadModel.InvoiceDate), nameof(OrderReadModel.BuyerGstin),
                nameof(OrderReadModel.Lines), nameof(OrderReadModel.TaxableValuePaise), nameof(OrderReadModel.CgstPaise),
                nameof(OrderReadModel.SgstPaise), nameof(OrderReadModel.IgstPaise), nameof(OrderReadModel.TotalPaise), nameof(OrderReadModel.PlaceOfSupply))
            .ResolveFromSource(source => source.InvoiceNumber is null ? null : source);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderEventType>>>>("history").Description("Every step, oldest first, with its time and actor.")
            .ResolveFromSource(source => source.History);
        Address("shippingAddress", "Where the order goes, as it was at checkout.", a => a.Shipping);
        Address("billingAddress", "The billing address given at checkout, if any.", a => a.Billing);
        Address("deliveryAddressCorrection", "An address the courier found to be right, offered for your address book (`acceptDeliveryAddressCorrection`).",
            a => a.OfferedCorrection);
        Field<CustomerType>("customer").Description("Who placed the order (each of their personal fields as the caller's grant allows).")
            .Projects(nameof(OrderReadModel.CustomerId))
            .ResolveFromSource(source => new ConnectingNer.Application.Customers.ReadModels.CustomerIndexRow { SubjectId = source.CustomerId });
    }

    private void Address(string name, string description, Func<OrderAddresses, PostalAddress?> pick) =>
        Field<OrderAddressType>(name).Description(description + " Personal data (`address.postal`).")
            .Classified(DataCategories.AddressPostal)
            .Projects(nameof(OrderReadModel.CustomerId))
            .Resolve(ctx => ctx.LoadOrderAddresses(ctx.Source.Id).Then(a =>
                a is null || pick(a) is not { } address ? null : OrderAddressType.Disclose(ctx, OrderAddressReadModel.From(a.CustomerId, address))));
}

/// <summary>Order addresses are opened for every order of the level in one batch.</summary>
public static class OrderAddressLoader
{
    public static IDataLoaderResult<OrderAddresses?> LoadOrderAddresses(this IResolveFieldContext context, int orderId)
    {
        var loader = context.RequestServices!.GetRequiredService<DataLoaderContext>().GetOrAdd(typeof(OrderAddresses), () =>
        {
            var sender = context.Sender();
            return new BatchLoader<int, OrderAddresses?>(async (ids, ct) =>
                (await sender.Send(new LoadOrderAddressesQuery(ids), ct)).ToDictionary(p => p.Key, p => (OrderAddresses?)p.Value), null);
        });
        return loader.Load(orderId);
    }
}

public sealed class OrderAddressType : ObjectGraphType<OrderAddressReadModel>
{
    public OrderAddressType()
    {
        Name = "OrderAddress";
        Description = "An address an order was sent to (personal data: `address.postal`; its phone is `contact.phone`).";
        Metadata[PersonalFields.CategoryMetadata] = DataCategories.AddressPostal;
        Metadata[CustomerType.SourceMetadata] = typeof(OrderAddressReadModel);
        Metadata[PersonalFields.LedgerPrefixMetadata] = "orders.address";
        Postal("recipientName", "Who receives.", a => a.RecipientName, nullable: false);
        Postal("line1", "House, street.", a => a.Line1, nullable: false);
        Postal("line2", "Locality, landmark.", a => a.Line2, nullable: true);
        Postal("city", "City or town.", a => a.City, nullable: false);
        Postal("state", "State or union territory.", a => a.State, nullable: false);
        Postal("postalCode", "PIN code.", a => a.PostalCode, nullable: false);
        Postal("countryCode", "ISO 3166-1 alpha-2 country code.", a => a.CountryCode, nullable: false);
        Field<StringGraphType>("phone").Description("A phone number for the courier, E.164 (`contact.phone`).")
            .Classified(DataCategories.ContactPhone)
            .Resolve(ctx => ctx.Reveal(ctx.Source.SubjectId, DataCategories.ContactPhone, ctx.Source.Phone, Masks.Phone));
    }

    /// <summary>The whole postal address is disclosed (and recorded) once, by the field that leads to it.</summary>
    public static OrderAddressReadModel? Disclose(IResolveFieldContext context, OrderAddressReadModel address) =>
        context.Reveal(address.SubjectId, DataCategories.AddressPostal, address);

    private void Postal(string name, string description, Func<OrderAddressReadModel, string?> read, bool nullable)
    {
        var field = nullable
            ? Field<StringGraphType>(name).ResolveFromSource(read)
            : Field<NonNullGraphType<StringGraphType>>(name).ResolveFromSource(read);
        field.Description(description).Classified(DataCategories.AddressPostal);
    }
}

public sealed class OrderLineType : ObjectGraphType<OrderLineReadModel>
{
    public OrderLineType()
    {
        Name = "OrderLine";
        Description = "A product of an order, as sold: price, name and tax are copies taken at checkout.";
        Field<ProductType>("product").Description("The product today (null once it is no longer in the catalog).")
            .Projects(nameof(OrderLineReadModel.ProductId)).Resolve(ctx => ctx.LoadProduct(ctx.Source.ProductId));
        this.SourceField(l => l.Sku).Description("The SKU at checkout.");
        this.SourceField(l => l.Name).Description("The name at checkout.");
        this.SourceField(l => l.HsnCode).Description("The HSN code of the goods, as the invoice shows it.");
        Field<NonNullGraphType<DecimalGraphType>>("gstRatePercent").Description("The GST rate, e.g. 5.")
            .Projects(nameof(OrderLineReadModel.GstRateBasisPoints)).ResolveFromSource(l => l.GstRateBasisPoints / 100m);
        this.SourceField(l => l.Quantity).Description("Units.");
        Money("unitPrice", "The price of one unit, GST included.", nameof(OrderLineReadModel.UnitPricePaise), l => l.UnitPricePaise);
        Money("lineTotal", "Unit price × quantity.", nameof(OrderLineReadModel.LineTotalPaise), l => l.LineTotalPaise);
        Money("taxableValue", "The line total without GST.", nameof(OrderLineReadModel.TaxableValuePaise), l => l.TaxableValuePaise);
        Money("cgst", "Central GST.", nameof(OrderLineReadModel.CgstPaise), l => l.CgstPaise);
        Money("sgst", "State GST.", nameof(OrderLineReadModel.SgstPaise), l => l.SgstPaise);
        Money("igst", "Integrated GST.", nameof(OrderLineReadModel.IgstPaise), l => l.IgstPaise);
    }

    private void Money(string name, string description, string member, Func<OrderLineReadModel, long> read) =>
        Field<NonNullGraphType<MoneyType>>(name).Description(description).Projects(member).ResolveFromSource(l => read(l));
}

public sealed class TaxBreakdownType : ObjectGraphType<OrderReadModel>
{
    public TaxBreakdownType()
    {
        Name = "TaxBreakdown";
        Description = "GST inside a GST-inclusive total: CGST + SGST within the shop's state, IGST between states.";
        Field<NonNullGraphType<StringGraphType>>("placeOfSupply").Description("The state the goods go to.").ResolveFromSource(source => source.PlaceOfSupply);
        Field<NonNullGraphType<BooleanGraphType>>("intraState").Description("True when the place of supply is the shop's state.").ResolveFromSource(source => source.IntraState);
        Field<NonNullGraphType<MoneyType>>("taxableValue").Description("The total without GST.").ResolveFromSource(source => source.TaxableValuePaise);
        Field<NonNullGraphType<MoneyType>>("cgst").Description("Central GST.").ResolveFromSource(source => source.CgstPaise);
        Field<NonNullGraphType<MoneyType>>("sgst").Description("State GST.").ResolveFromSource(source => source.SgstPaise);
        Field<NonNullGraphType<MoneyType>>("igst").Description("Integrated GST.").ResolveFromSource(source => source.IgstPaise);
        Field<NonNullGraphType<MoneyType>>("totalTax").Description("All GST.").ResolveFromSource(source => source.CgstPaise + source.SgstPaise + source.IgstPaise);
    }
}

public sealed class InvoiceType : ObjectGraphType<OrderReadModel>
{
    public InvoiceType()
    {
        Name = "Invoice";
        Description = "A GST tax invoice.";
        Field<NonNullGraphType<StringGraphType>>("number").Description("Gapless within the financial year, at most 16 characters, e.g. `CNI/2627/000123`.")
            .ResolveFromSource(source => source.InvoiceNumber);
        Field<NonNullGraphType<DateOnlyGraphType>>("date").Description("The invoice date (Indian time).").ResolveFromSource(source => source.InvoiceDate);
        Field<NonNullGraphType<StringGraphType>>("sellerName").Description("The seller's legal name.")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<Application.Ordering.ShopSettings>().LegalName);
        Field<NonNullGraphType<StringGraphType>>("sellerGstin").Description("The seller's GSTIN.")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<Application.Ordering.ShopSettings>().Gstin);
        Field<StringGraphType>("buyerGstin").Description("The buyer's GSTIN, for an organisation's order.").ResolveFromSource(source => source.BuyerGstin);
        Field<NonNullGraphType<StringGraphType>>("placeOfSupply").Description("The state the goods go to.").ResolveFromSource(source => source.PlaceOfSupply);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderLineType>>>>("lines").Description("Each line with its HSN code, taxable value and tax.")
            .ResolveFromSource(source => source.Lines);
        Field<NonNullGraphType<MoneyType>>("taxableValue").Description("The total without GST.").ResolveFromSource(source => source.TaxableValuePaise);
        Field<NonNullGraphType<MoneyType>>("totalTax").Description("All GST.").ResolveFromSource(source => source.CgstPaise + source.SgstPaise + source.IgstPaise);
        Field<NonNullGraphType<MoneyType>>("total").Description("The invoice total.").ResolveFromSource(source => source.TotalPaise);
    }
}

public sealed class OrderEventType : ObjectGraphType<OrderEventReadModel>
{
    public OrderEventType()
    {
        Name = "OrderEvent";
        Description = "A step in an order's life.";
        Field<OrderStatusType>("from").Description("The status before (null for placing the order).").ResolveFromSource(source => source.From);
        Field<NonNullGraphType<OrderStatusType>>("to").Description("The status after.").ResolveFromSource(source => source.To);
        Field(e => e.At).Description("When.");
        Field<NonNullGraphType<StringGraphType>>("actor").Description("Who: `customer`, `staff`, `partner:<id>` or `system` (staff see which staff member).")
            .Resolve(ctx => ctx.Source.Actor.StartsWith("staff:", StringComparison.Ordinal)
                && !ctx.RequestServices!.GetRequiredService<Application.Common.Security.ICurrentUser>().Satisfies(Application.Common.Security.Policies.OrdersManage)
                    ? "staff" : ctx.Source.Actor);
        Field(e => e.Note, nullable: true).Description("Why, when a reason was given.");
    }
}
