using System.Linq.Expressions;
using ConnectingNer.Application.Privacy;
using ConnectingNer.Domain.Ordering;

namespace ConnectingNer.Application.Ordering.ReadModels;

/// <summary>
/// What clients may read of an order; only these members can be filtered, sorted or selected. Its addresses are
/// sealed personal data, read through their own loader (<see cref="Queries.LoadOrderAddressesQuery"/>).
/// </summary>
public sealed record OrderReadModel : IPersonalDataSubject
{
    /// <summary>The customer the order's personal data belongs to.</summary>
    public Guid SubjectId => CustomerId;

    public int Id { get; init; }

    public string Number { get; init; } = "";

    public Guid CustomerId { get; init; }

    public int? OrganisationId { get; init; }

    public OrderStatus Status { get; init; }

    public PaymentMethod PaymentMethod { get; init; }

    public string? PurchaseOrderNumber { get; init; }

    public string? BuyerGstin { get; init; }

    public DateTimeOffset PlacedAt { get; init; }

    public string PlaceOfSupply { get; init; } = "";

    public bool IntraState { get; init; }

    public long TotalPaise { get; init; }

    public long TaxableValuePaise { get; init; }

    public long CgstPaise { get; init; }

    public long SgstPaise { get; init; }

    public long IgstPaise { get; init; }

    public string? InvoiceNumber { get; init; }

    public DateOnly? InvoiceDate { get; init; }

    public DateTimeOffset? DeliveredAt { get; init; }

    public List<OrderLineReadModel> Lines { get; init; } = [];

    public List<OrderEventReadModel> History { get; init; } = [];

    public static readonly Expression<Func<Order, OrderReadModel>> FromEntity = o => new OrderReadModel
    {
        Id = o.Id,
        Number = o.Number,
        CustomerId = o.CustomerId,
        OrganisationId = o.OrganisationId,
        Status = o.Status,
        PaymentMethod = o.PaymentMethod,
        PurchaseOrderNumber = o.PurchaseOrderNumber,
        BuyerGstin = o.BuyerGstin,
        PlacedAt = o.PlacedAt,
        PlaceOfSupply = o.PlaceOfSupply,
        IntraState = o.IntraState,
        TotalPaise = o.TotalPaise,
        TaxableValuePaise = o.TaxableValuePaise,
        CgstPaise = o.CgstPaise,
        SgstPaise = o.SgstPaise,
        IgstPaise = o.IgstPaise,
        InvoiceNumber = o.InvoiceNumber,
        InvoiceDate = o.InvoiceDate,
        DeliveredAt = o.DeliveredAt,
        Lines = o.Lines.OrderBy(l => l.Id).Select(l => new OrderLineReadModel
        {
            Id = l.Id, ProductId = l.ProductId, Sku = l.Sku, Name = l.Name, HsnCode = l.HsnCode, GstRateBasisPoints = l.GstRateBasisPoints,
            UnitPricePaise = l.UnitPricePaise, Quantity = l.Quantity, LineTotalPaise = l.LineTotalPaise,
            TaxableValuePaise = l.TaxableValuePaise, CgstPaise = l.CgstPaise, SgstPaise = l.SgstPaise, IgstPaise = l.IgstPaise,
        }).ToList(),
        History = o.History.OrderBy(e => e.Id).Select(e => new OrderEventReadModel { From = e.From, To = e.To, Actor = e.Actor, Note = e.Note, At = e.At }).ToList(),
    };
}

public sealed record OrderLineReadModel
{
    public int Id { get; init; }

    public int ProductId { get; init; }

    public string Sku { get; init; } = "";

    public string Name { get; init; } = "";

    public string HsnCode { get; init; } = "";

    public int GstRateBasisPoints { get; init; }

    public long UnitPricePaise { get; init; }

    public int Quantity { get; init; }

    public long LineTotalPaise { get; init; }

    public long TaxableValuePaise { get; init; }

    public long CgstPaise { get; init; }

    public long SgstPaise { get; init; }

    public long IgstPaise { get; init; }
}

public sealed record OrderEventReadModel
{
    public OrderStatus? From { get; init; }

    public OrderStatus To { get; init; }

    public string Actor { get; init; } = "";

    public string? Note { get; init; }

    public DateTimeOffset At { get; init; }
}

/// <summary>An order's sealed addresses, opened for the customer they belong to (with a courier's correction on offer, if any).</summary>
public sealed record OrderAddresses(Guid CustomerId, PostalAddress? Shipping, PostalAddress? Billing, PostalAddress? OfferedCorrection);
