using System.Linq.Expressions;
using ConnectingNer.Application.Privacy;
using ConnectingNer.Domain.Ordering;

namespace ConnectingNer.Application.Ordering.ReadModels;

/// <summary>A shipment as its logistics partner sees it: what to carry, cash to collect, and (through its own loader) the recipient.</summary>
public sealed record ShipmentReadModel : IPersonalDataSubject
{
    public int Id { get; init; }

    public int OrderId { get; init; }

    public string OrderNumber { get; init; } = "";

    public Guid CustomerId { get; init; }

    /// <summary>The recipient's personal data belongs to the customer.</summary>
    public Guid SubjectId => CustomerId;

    public string PartnerId { get; init; } = "";

    public ShipmentStatus Status { get; init; }

    public string? TrackingNumber { get; init; }

    public DateTimeOffset AssignedAt { get; init; }

    public DateTimeOffset? ShippedAt { get; init; }

    public DateTimeOffset? DeliveredAt { get; init; }

    /// <summary>For cash on delivery: what the courier collects; otherwise zero.</summary>
    public long CashToCollectPaise { get; init; }

    public List<ShipmentItemReadModel> Items { get; init; } = [];

    public static readonly Expression<Func<Shipment, Order, ShipmentReadModel>> FromEntity = (s, o) => new ShipmentReadModel
    {
        Id = s.Id,
        OrderId = o.Id,
        OrderNumber = o.Number,
        CustomerId = o.CustomerId,
        PartnerId = s.PartnerId,
        Status = s.Status,
        TrackingNumber = s.TrackingNumber,
        AssignedAt = s.AssignedAt,
        ShippedAt = s.ShippedAt,
        DeliveredAt = s.DeliveredAt,
        CashToCollectPaise = o.PaymentMethod == PaymentMethod.CashOnDelivery ? o.TotalPaise : 0,
        Items = o.Lines.OrderBy(l => l.Id).Select(l => new ShipmentItemReadModel { Sku = l.Sku, Name = l.Name, Quantity = l.Quantity }).ToList(),
    };
}

public sealed record ShipmentItemReadModel
{
    public string Sku { get; init; } = "";

    public string Name { get; init; } = "";

    public int Quantity { get; init; }
}
