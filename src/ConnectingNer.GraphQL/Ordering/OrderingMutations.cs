using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Ordering.Commands;
using ConnectingNer.Application.Ordering.Queries;
using ConnectingNer.GraphQL.Customers.Types;
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

        AddOrderSteps(mutation);
        AddPartnerSteps(mutation);
        AddOrganisationSteps(mutation);
    }

    private static void AddOrderSteps(ObjectGraphType mutation)
    {
        mutation.Field<OrderPayloadType>("placeOrder")
            .Description("Checkout: places your cart as an order, in one transaction, exactly once per `idempotencyKey`. Needs the `orders:write` scope.")
            .Argument<NonNullGraphType<PlaceOrderInputType>>("input")
            .AuthorizeWithPolicy(Policies.OrdersWrite)
            .ResolveAsync(async ctx =>
            {
                var i = ctx.GetArgument<PlaceOrderInput>("input");
                var cart = GlobalIds.Guid(i.CartId, CartType.TypeName, "cartId");
                var shipping = GlobalIds.Guid(i.ShippingAddressId, AddressType.TypeName, "shippingAddressId");
                var billing = i.BillingAddressId is null ? Result.Success<Guid?>(null)
                    : GlobalIds.Guid(i.BillingAddressId, AddressType.TypeName, "billingAddressId") is { IsSuccess: true } b ? Result.Success<Guid?>(b.Value)
                    : GlobalIds.InvalidId("billingAddressId", AddressType.TypeName);
                var organisation = GlobalIds.OptionalInt(i.OrganisationId, OrganisationType.TypeName, "organisationId");
                Error[] invalid = [.. cart.Errors, .. shipping.Errors, .. billing.Errors, .. organisation.Errors];
                if (invalid.Length > 0) return Payload<OrderReadModel>.Failure(invalid);
                return await OrderAsync(ctx, await ctx.Sender().Send(new PlaceOrderCommand(cart.Value, shipping.Value, billing.Value,
                    i.PaymentMethod, i.PurchaseOrderNumber, organisation.Value, i.IdempotencyKey), ctx.CancellationToken));
            });

        mutation.Field<OrderPayloadType>("cancelOrder")
            .Description("Cancels one of your orders until it is packed; its stock goes back on the shelf. Staff may cancel any order.")
            .Argument<NonNullGraphType<CancelOrderInputType>>("input")
            .Authorize()
            .ResolveAsync(async ctx => await StepAsync(ctx, (id, note) => new CancelOrderCommand(id, note)));

        mutation.Field<OrderPayloadType>("requestReturn")
            .Description("Asks to return a delivered order, within the return window.")
            .Argument<NonNullGraphType<RequestReturnInputType>>("input")
            .AuthorizeWithPolicy(Policies.OrdersWrite)
            .ResolveAsync(async ctx => await StepAsync(ctx, (id, note) => new RequestReturnCommand(id, note)));

        mutation.Field<OrderPayloadType>("markOrderReturned")
            .Description("Staff: the returned goods came back; their stock goes back on the shelf.")
            .Argument<NonNullGraphType<MarkOrderReturnedInputType>>("input")
            .AuthorizeWithPolicy(Policies.OrdersManage)
            .ResolveAsync(async ctx => await StepAsync(ctx, (id, note) => new MarkOrderReturnedCommand(id, note)));

        mutation.Field<OrderPayloadType>("packOrder")
            .Description("Staff: a paid or confirmed order is packed and handed to a logistics partner, who then sees its shipment.")
            .Argument<NonNullGraphType<PackOrderInputType>>("input")
            .AuthorizeWithPolicy(Policies.OrdersManage)
            .ResolveAsync(async ctx =>
            {
                var i = ctx.GetArgument<PackOrderInput>("input");
                var id = GlobalIds.Int(i.OrderId, OrderType.TypeName, "orderId");
                if (!id.IsSuccess) return Payload<OrderReadModel>.Failure(id.Errors);
                return await OrderAsync(ctx, await ctx.Sender().Send(new PackOrderCommand(id.Value, i.LogisticsPartnerId), ctx.CancellationToken));
            });
    }

    private static void AddPartnerSteps(ObjectGraphType mutation)
    {
        mutation.Field<RecordPaymentPayloadType>("recordPayment")
            .Description("Payment partners: a PENDING_PAYMENT order with exactly this total becomes PAID and gets its GST invoice. Needs `payments:process`.")
            .Argument<NonNullGraphType<RecordPaymentInputType>>("input")
            .AuthorizeWithPolicy(Policies.PaymentsProcess)
            .ResolveAsync(async ctx =>
            {
                var i = ctx.GetArgument<RecordPaymentInput>("input");
                return Payload<PaymentReceiptReadModel>.From(await ctx.Sender().Send(
                    new RecordPaymentCommand(i.OrderNumber, i.AmountPaise, i.ProviderReference, i.IdempotencyKey), ctx.CancellationToken));
            });

        mutation.Field<ShipmentPayloadType>("updateShipment")
            .Description("Logistics partners: SHIPPED (with a tracking number), then DELIVERED, for one of your shipments. Needs `orders:fulfil`.")
            .Argument<NonNullGraphType<UpdateShipmentInputType>>("input")
            .AuthorizeWithPolicy(Policies.OrdersFulfil)
            .ResolveAsync(async ctx =>
            {
                var i = ctx.GetArgument<UpdateShipmentInput>("input");
                var id = GlobalIds.Int(i.ShipmentId, ShipmentType.TypeName, "shipmentId");
                if (!id.IsSuccess) return Payload<ShipmentReadModel>.Failure(id.Errors);
                return Payload<ShipmentReadModel>.From(await ctx.Sender().Send(
                    new UpdateShipmentCommand(id.Value, i.Status, i.TrackingNumber, i.Note), ctx.CancellationToken));
            });

        mutation.Field<ShipmentPayloadType>("reportDeliveryAddressCorrection")
            .Description("Logistics partners: the right address for one of your undelivered shipments; it is delivered there and offered to the customer.")
            .Argument<NonNullGraphType<ReportDeliveryAddressCorrectionInputType>>("input")
            .AuthorizeWithPolicy(Policies.OrdersFulfil)
            .ResolveAsync(async ctx =>
            {
                var i = ctx.GetArgument<ReportDeliveryAddressCorrectionInput>("input");
                var id = GlobalIds.Int(i.ShipmentId, ShipmentType.TypeName, "shipmentId");
                if (!id.IsSuccess) return Payload<ShipmentReadModel>.Failure(id.Errors);
                return Payload<ShipmentReadModel>.From(await ctx.Sender().Send(
                    new ReportDeliveryAddressCorrectionCommand(id.Value, i.Address.ToInput()), ctx.CancellationToken));
            });

        mutation.Field<OrderPayloadType>("acceptDeliveryAddressCorrection")
            .Description("Takes the courier's corrected address of your order into your address book (replacing the address it was shipped to).")
            .Argument<NonNullGraphType<AcceptDeliveryAddressCorrectionInputType>>("input")
            .AuthorizeWithPolicy(Policies.OrdersWrite)
            .ResolveAsync(async ctx =>
            {
                var id = GlobalIds.Int(ctx.GetArgument<AcceptDeliveryAddressCorrectionInput>("input").OrderId, OrderType.TypeName, "orderId");
                if (!id.IsSuccess) return Payload<OrderReadModel>.Failure(id.Errors);
                return await OrderAsync(ctx, await ctx.Sender().Send(new AcceptDeliveryAddressCorrectionCommand(id.Value), ctx.CancellationToken));
            });
    }

    private static void AddOrganisationSteps(ObjectGraphType mutation)
    {
        mutation.Field<OrganisationPayloadType>("createOrganisation")
            .Description("Registers your business for bulk orders; you become its administrator.")
            .Argument<NonNullGraphType<CreateOrganisationInputType>>("input")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                var i = ctx.GetArgument<CreateOrganisationInput>("input");
                var a = i.BillingAddress;
                return Payload<OrganisationReadModel>.From(await ctx.Sender().Send(
                    new CreateOrganisationCommand(i.LegalName, i.Gstin, a.Line1, a.Line2, a.City, a.State, a.PostalCode), ctx.CancellationToken));
            });

        mutation.Field<OrganisationPayloadType>("inviteOrganisationMember")
            .Description("Administrators: invites someone by email address as a buyer or an administrator.")
            .Argument<NonNullGraphType<InviteOrganisationMemberInputType>>("input")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                var i = ctx.GetArgument<InviteOrganisationMemberInput>("input");
                var id = GlobalIds.Int(i.OrganisationId, OrganisationType.TypeName, "organisationId");
                if (!id.IsSuccess) return Payload<OrganisationReadModel>.Failure(id.Errors);
                return Payload<OrganisationReadModel>.From(await ctx.Sender().Send(new InviteOrganisationMemberCommand(id.Value, i.Email, i.Role), ctx.CancellationToken));
            });

        mutation.Field<OrganisationPayloadType>("acceptOrganisationInvitation")
            .Description("Joins an organisation that invited your email address.")
            .Argument<NonNullGraphType<AcceptOrganisationInvitationInputType>>("input")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                var id = GlobalIds.Int(ctx.GetArgument<AcceptOrganisationInvitationInput>("input").OrganisationId, OrganisationType.TypeName, "organisationId");
                if (!id.IsSuccess) return Payload<OrganisationReadModel>.Failure(id.Errors);
                return Payload<OrganisationReadModel>.From(await ctx.Sender().Send(new AcceptOrganisationInvitationCommand(id.Value), ctx.CancellationToken));
            });
    }

    private static async Task<Payload<OrderReadModel>> StepAsync(IResolveFieldContext ctx, Func<int, string?, Mediator.ICommand<Result<int>>> command)
    {
        var i = ctx.GetArgument<OrderStepInput>("input");
        var id = GlobalIds.Int(i.OrderId, OrderType.TypeName, "orderId");
        if (!id.IsSuccess) return Payload<OrderReadModel>.Failure(id.Errors);
        return await OrderAsync(ctx, await ctx.Sender().Send(command(id.Value, i.Note), ctx.CancellationToken));
    }

    /// <summary>The order as it now is, read back as the caller may read it.</summary>
    private static async Task<Payload<OrderReadModel>> OrderAsync(IResolveFieldContext ctx, Result<int> result)
    {
        if (!result.IsSuccess) return Payload<OrderReadModel>.Failure(result.Errors);
        var orders = await ctx.Sender().Send(new GetOrdersByIdsQuery([result.Value]), ctx.CancellationToken);
        return new Payload<OrderReadModel>(orders.GetValueOrDefault(result.Value), []);
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
