namespace ConnectingNer.Domain.Ordering;

/// <summary>Where an order is in its life (see <see cref="Order"/> for the transitions allowed).</summary>
public enum OrderStatus
{
    PendingPayment,
    Paid,
    Confirmed,
    Packed,
    Shipped,
    Delivered,
    Cancelled,
    ReturnRequested,
    Returned,
}

public enum PaymentMethod
{
    Prepaid,
    CashOnDelivery,
}

public enum ShipmentStatus
{
    Assigned,
    Shipped,
    Delivered,
}
