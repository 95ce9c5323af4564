using ConnectingNer.Domain.Common;

namespace ConnectingNer.Domain.Ordering;

/// <summary>
/// The delivery of an order by one logistics partner, assigned when the order is packed. The partner sees the
/// recipient while the shipment is in its hands and until <see cref="DisclosureDays"/> after delivery.
/// </summary>
public sealed class Shipment : Entity
{
    public const int DisclosureDays = 7;
    public const int TrackingNumberMaxLength = 64;

    private Shipment() { }

    public Shipment(int orderId, string partnerId, DateTimeOffset now)
    {
        OrderId = orderId;
        PartnerId = partnerId;
        AssignedAt = now;
        Status = ShipmentStatus.Assigned;
    }

    public int OrderId { get; private set; }

    public string PartnerId { get; private set; } = "";

    public ShipmentStatus Status { get; private set; }

    public string? TrackingNumber { get; private set; }

    public DateTimeOffset AssignedAt { get; private set; }

    public DateTimeOffset? ShippedAt { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>
    /// An address the courier found to be right, sealed with the customer's key: the shipment is delivered there, and
    /// it is offered to the customer for their address book while <see cref="CorrectionOffered"/>.
    /// </summary>
    public byte[]? CorrectedAddress { get; private set; }

    public bool CorrectionOffered { get; private set; }

    public DateTimeOffset? CorrectionReportedAt { get; private set; }

    public uint Version { get; private set; }

    public Result Advance(ShipmentStatus to, string? trackingNumber, DateTimeOffset now)
    {
        var legal = (Status, to) is (ShipmentStatus.Assigned, ShipmentStatus.Shipped) or (ShipmentStatus.Shipped, ShipmentStatus.Delivered);
        if (!legal) return OrderingErrors.ShipmentTransitionInvalid(Status, to);
        if (trackingNumber is not null) TrackingNumber = trackingNumber;
        if (to == ShipmentStatus.Shipped) ShippedAt = now;
        else DeliveredAt = now;
        Status = to;
        return Result.Success();
    }

    public Result ReportCorrection(byte[] sealedAddress, DateTimeOffset now)
    {
        if (Status == ShipmentStatus.Delivered) return OrderingErrors.ShipmentDelivered();
        CorrectedAddress = sealedAddress;
        CorrectionReportedAt = now;
        CorrectionOffered = true;
        return Result.Success();
    }

    /// <summary>The customer took the offered address into their address book.</summary>
    public void CloseCorrectionOffer() => CorrectionOffered = false;
}
