using ConnectingNer.Domain.Common;

namespace ConnectingNer.Domain.Ordering;

/// <summary>Stable error codes of carts, orders, shipments and organisations.</summary>
public static class OrderingErrors
{
    public static Error CartNotFound(string field = "cartId") =>
        new("cart.not_found", "No cart has this id.", field);

    public static Error QuantityOutOfRange(string field = "quantity") =>
        new("cart.quantity_out_of_range", $"A quantity is {CartLine.MinQuantity} to {CartLine.MaxQuantity}.", field);

    public static Error ProductUnavailable(string field = "productId") =>
        new("cart.product_unavailable", "This product is unknown or not for sale.", field);

    public static Error InsufficientStock(string sku, int available, string field = "quantity") =>
        new("cart.insufficient_stock", $"Only {available} of {sku} in stock.", field);

    public static Error LineNotFound(string field = "productId") =>
        new("cart.line_not_found", "The cart has no line for this product.", field);

    public static Error CartEmpty(string field = "cartId") =>
        new("order.cart_empty", "The cart is empty.", field);

    public static Error AddressNotFound(string field) =>
        new("order.address_not_found", "You have no address with this id.", field);

    public static Error CashOnDeliveryOutsideIndia(string field = "shippingAddressId") =>
        new("order.cod_outside_india", "Cash on delivery is only for addresses in India.", field);

    public static Error StateUnknown(string field = "shippingAddressId") =>
        new("order.state_unknown", "The address's state is not a state or union territory of India.", field);

    public static Error PostalCodeNotInState(string field = "shippingAddressId") =>
        new("order.pin_state_mismatch", "The PIN code does not belong to the address's state.", field);

    public static Error ShippingOutsideIndia(string field = "shippingAddressId") =>
        new("order.ships_in_india_only", "The shop ships to addresses in India only.", field);

    public static Error PurchaseOrderNumberInvalid(string field = "purchaseOrderNumber") =>
        new("order.po_number_invalid", $"A purchase order number is 1 to {Order.PurchaseOrderNumberMaxLength} characters.", field);

    public static Error OrderNotFound(string field = "orderId") =>
        new("order.not_found", "No order has this id.", field);

    public static Error TransitionInvalid(OrderStatus from, OrderStatus to, string field = "status") =>
        new("order.transition_invalid", $"An order cannot go from {from} to {to}.", field);

    public static Error CancelTooLate(string field = "orderId") =>
        new("order.cancel_too_late", "An order can be cancelled only until it is packed.", field);

    public static Error ReturnWindowClosed(int days, string field = "orderId") =>
        new("order.return_window_closed", $"Returns are accepted within {days} days of delivery.", field);

    public static Error AmountMismatch(string field = "amountPaise") =>
        new("payment.amount_mismatch", "The amount does not match the order's total.", field);

    public static Error ProviderReferenceInvalid(string field = "providerReference") =>
        new("payment.reference_invalid", "A provider reference is 1 to 100 characters.", field);

    public static Error ShipmentNotFound(string field = "shipmentId") =>
        new("shipment.not_found", "No shipment of yours has this id.", field);

    public static Error TrackingNumberInvalid(string field = "trackingNumber") =>
        new("shipment.tracking_number_invalid", $"A tracking number is 1 to {Shipment.TrackingNumberMaxLength} letters, digits or dashes.", field);

    public static Error NoteTooLong(string field = "note") =>
        new("shipment.note_too_long", $"A note has at most {OrderEvent.NoteMaxLength} characters.", field);

    public static Error CorrectionNotFound(string field = "shipmentId") =>
        new("shipment.correction_not_found", "There is no address correction waiting for you on this order.", field);

    public static Error PartnerUnknown(string field = "logisticsPartnerId") =>
        new("shipment.partner_unknown", "No logistics partner has this id.", field);

    public static Error GstinInvalid(string field = "gstin") =>
        new("organisation.gstin_invalid", "A GSTIN is 15 characters: state code, PAN, entity number, Z and a check character that matches.", field);

    public static Error GstinTaken(string field = "gstin") =>
        new("organisation.gstin_taken", "An organisation with this GSTIN is already registered.", field);

    public static Error LegalNameInvalid(string field = "legalName") =>
        new("organisation.legal_name_invalid", $"A legal name is 1 to {Organisation.LegalNameMaxLength} characters.", field);

    public static Error OrganisationNotFound(string field = "organisationId") =>
        new("organisation.not_found", "You are not a member of an organisation with this id.", field);

    public static Error NotOrganisationAdmin(string field = "organisationId") =>
        new("organisation.not_admin", "Only an administrator of the organisation may do this.", field);

    public static Error NotOrganisationBuyer(string field = "organisationId") =>
        new("organisation.not_buyer", "Only the organisation's buyers and administrators may order for it.", field);

    public static Error InvitationNotFound(string field = "organisationId") =>
        new("organisation.invitation_not_found", "There is no invitation for your address to this organisation.", field);

    public static Error GstinStateMismatch(string field = "gstin") =>
        new("organisation.gstin_state_mismatch", "The GSTIN's state code is not the billing address's state.", field);

    public static Error OrganisationAddressInvalid(string field, int maxLength) =>
        new("organisation.address_invalid", $"This part of the billing address is 1 to {maxLength} characters.", field);

    public static Error ShipmentTransitionInvalid(ShipmentStatus from, ShipmentStatus to, string field = "status") =>
        new("shipment.transition_invalid", $"A shipment cannot go from {from} to {to}.", field);

    public static Error ShipmentDelivered(string field = "shipmentId") =>
        new("shipment.delivered", "The shipment is already delivered.", field);

    public static Error PurchaseOrderNumberRequired(string field = "purchaseOrderNumber") =>
        new("order.po_number_required", "An organisation's order needs its purchase order number.", field);
}
