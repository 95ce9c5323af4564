using ConnectingNer.Domain.Common;

namespace ConnectingNer.Domain.Ordering;

/// <summary>
/// A placed order: a snapshot of what was bought, at which price and tax, shipped where (sealed with the customer's
/// key). Its life: PENDING_PAYMENT → PAID (or CONFIRMED for cash on delivery) → PACKED → SHIPPED → DELIVERED;
/// CANCELLED until packed; RETURN_REQUESTED → RETURNED within the return window after delivery. Every step is
/// recorded in <see cref="History"/> with its time and actor.
/// </summary>
public sealed class Order : Entity
{
    public const int PurchaseOrderNumberMaxLength = 50;

    private static readonly Dictionary<OrderStatus, OrderStatus[]> Allowed = new()
    {
        [OrderStatus.PendingPayment] = [OrderStatus.Paid, OrderStatus.Cancelled],
        [OrderStatus.Paid] = [OrderStatus.Packed, OrderStatus.Cancelled],
        [OrderStatus.Confirmed] = [OrderStatus.Packed, OrderStatus.Cancelled],
        [OrderStatus.Packed] = [OrderStatus.Shipped],
        [OrderStatus.Shipped] = [OrderStatus.Delivered],
        [OrderStatus.Delivered] = [OrderStatus.ReturnRequested],
        [OrderStatus.ReturnRequested] = [OrderStatus.Returned],
        [OrderStatus.Cancelled] = [],
        [OrderStatus.Returned] = [],
    };

    private readonly List<OrderLine> _lines = [];
    private readonly List<OrderEvent> _history = [];

    private Order() { }

    /// <summary>
    /// The order number. A new order holds a provisional one (<see cref="ProvisionalPrefix"/>) until its transaction
    /// commits: the database then gives it the next number of <see cref="FinancialYear"/> (see <see cref="OrderNumbers"/>).
    /// </summary>
    public string Number { get; private set; } = "";

    /// <summary>Numbers (order and invoice) not given yet start with this.</summary>
    public const string ProvisionalPrefix = "pending:";

    /// <summary>The Indian financial year the order was placed in, e.g. <c>2026-27</c>.</summary>
    public string FinancialYear { get; private set; } = "";

    public Guid CustomerId { get; private set; }

    public int? OrganisationId { get; private set; }

    public OrderStatus Status { get; private set; }

    public PaymentMethod PaymentMethod { get; private set; }

    public string? PurchaseOrderNumber { get; private set; }

    /// <summary>The organisation's GSTIN, printed on the invoice as the buyer's.</summary>
    public string? BuyerGstin { get; private set; }

    public DateTimeOffset PlacedAt { get; private set; }

    /// <summary>The state of the shipping address (the place of supply), in clear: it decides the tax split.</summary>
    public string PlaceOfSupply { get; private set; } = "";

    /// <summary>True when the place of supply is the shop's state (CGST + SGST); otherwise IGST.</summary>
    public bool IntraState { get; private set; }

    /// <summary>What the customer pays: the sum of the lines, taxes included.</summary>
    public long TotalPaise { get; private set; }

    public long TaxableValuePaise { get; private set; }

    public long CgstPaise { get; private set; }

    public long SgstPaise { get; private set; }

    public long IgstPaise { get; private set; }

    /// <summary>Which of the customer's addresses was chosen (an id, not the address).</summary>
    public Guid ShippingAddressId { get; private set; }

    /// <summary>The shipping address as it was at checkout, sealed with the customer's data key.</summary>
    public byte[] ShippingAddress { get; private set; } = [];

    public byte[]? BillingAddress { get; private set; }

    public string? InvoiceNumber { get; private set; }

    public DateOnly? InvoiceDate { get; private set; }

    public string? PaymentReference { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyList<OrderLine> Lines => _lines;

    public IReadOnlyList<OrderEvent> History => _history;

    /// <summary>Places an order with a provisional number and, when one is due at once, a provisional invoice number.</summary>
    public static Order Place(Guid customerId, PaymentMethod paymentMethod, IEnumerable<OrderLine> lines,
        string placeOfSupply, bool intraState, Guid shippingAddressId, byte[] shippingAddress, byte[]? billingAddress, string? purchaseOrderNumber,
        int? organisationId, string? buyerGstin, string actor, DateTimeOffset now)
    {
        var order = new Order
        {
            Number = ProvisionalPrefix + Guid.NewGuid().ToString("N"), FinancialYear = OrderNumbers.FinancialYear(now), CustomerId = customerId, PaymentMethod = paymentMethod, PlaceOfSupply = placeOfSupply,
            IntraState = intraState, ShippingAddressId = shippingAddressId, ShippingAddress = shippingAddress, BillingAddress = billingAddress,
            PurchaseOrderNumber = purchaseOrderNumber, OrganisationId = organisationId, BuyerGstin = buyerGstin, PlacedAt = now,
            Status = paymentMethod == PaymentMethod.CashOnDelivery ? OrderStatus.Confirmed : OrderStatus.PendingPayment,
        };
        order._lines.AddRange(lines);
        order.TotalPaise = order._lines.Sum(l => l.LineTotalPaise);
        order.TaxableValuePaise = order._lines.Sum(l => l.TaxableValuePaise);
        order.CgstPaise = order._lines.Sum(l => l.CgstPaise);
        order.SgstPaise = order._lines.Sum(l => l.SgstPaise);
        order.IgstPaise = order._lines.Sum(l => l.IgstPaise);
        order._history.Add(new OrderEvent(null, order.Status, actor, null, now));
        if (order.NeedsInvoice) order.IssueInvoice(ProvisionalPrefix + Guid.NewGuid().ToString("N"), OrderNumbers.IndianDate(now));
        return order;
    }

    /// <summary>True when an invoice is due: from payment on (for cash on delivery, from confirmation: goods travel with their invoice).</summary>
    public bool NeedsInvoice => InvoiceNumber is null && Status is OrderStatus.Paid or OrderStatus.Confirmed;

    public void IssueInvoice(string number, DateOnly date)
    {
        if (InvoiceNumber is not null) throw new InvalidOperationException("The order already has an invoice.");
        InvoiceNumber = number;
        InvoiceDate = date;
    }

    public Result RecordPayment(long amountPaise, string reference, string actor, DateTimeOffset now)
    {
        if (Status != OrderStatus.PendingPayment) return OrderingErrors.TransitionInvalid(Status, OrderStatus.Paid);
        if (amountPaise != TotalPaise) return OrderingErrors.AmountMismatch();
        PaymentReference = reference;
        PaidAt = now;
        return Move(OrderStatus.Paid, actor, null, now);
    }

    /// <summary>The customer (or support on their behalf) cancels: only until the order is packed.</summary>
    public Result Cancel(string actor, string? note, DateTimeOffset now) =>
        Status is OrderStatus.PendingPayment or OrderStatus.Paid or OrderStatus.Confirmed
            ? Move(OrderStatus.Cancelled, actor, note, now)
            : OrderingErrors.CancelTooLate();

    public Result RequestReturn(int windowDays, string actor, string? note, DateTimeOffset now)
    {
        if (Status != OrderStatus.Delivered) return OrderingErrors.TransitionInvalid(Status, OrderStatus.ReturnRequested);
        if (DeliveredAt is { } delivered && now > delivered.AddDays(windowDays)) return OrderingErrors.ReturnWindowClosed(windowDays);
        return Move(OrderStatus.ReturnRequested, actor, note, now);
    }

    /// <summary>Any other step of the life cycle; an illegal one is refused with <c>order.transition_invalid</c>.</summary>
    public Result Move(OrderStatus to, string actor, string? note, DateTimeOffset now)
    {
        if (!Allowed[Status].Contains(to)) return OrderingErrors.TransitionInvalid(Status, to);
        if (to == OrderStatus.Delivered) DeliveredAt = now;
        _history.Add(new OrderEvent(Status, to, actor, note, now));
        Status = to;
        return Result.Success();
    }

    /// <summary>True when the stock of this order's lines goes back on the shelf.</summary>
    public bool RestoresStock => Status is OrderStatus.Cancelled or OrderStatus.Returned;
}

/// <summary>One product of an order, as sold: the price, name and tax are copied, not referenced.</summary>
public sealed class OrderLine
{
    private OrderLine() { }

    public int Id { get; private set; }

    public int OrderId { get; private set; }

    public int ProductId { get; private set; }

    public string Sku { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>The goods' Harmonized System of Nomenclature code, as GST invoices show it.</summary>
    public string HsnCode { get; private set; } = "";

    public int GstRateBasisPoints { get; private set; }

    public long UnitPricePaise { get; private set; }

    public int Quantity { get; private set; }

    public long LineTotalPaise { get; private set; }

    public long TaxableValuePaise { get; private set; }

    public long CgstPaise { get; private set; }

    public long SgstPaise { get; private set; }

    public long IgstPaise { get; private set; }

    public static OrderLine Create(int productId, string sku, string name, string hsnCode, int gstRateBasisPoints,
        long unitPricePaise, int quantity, bool intraState)
    {
        var total = unitPricePaise * quantity;
        var tax = Gst.Split(total, gstRateBasisPoints, intraState);
        return new OrderLine
        {
            ProductId = productId, Sku = sku, Name = name, HsnCode = hsnCode, GstRateBasisPoints = gstRateBasisPoints,
            UnitPricePaise = unitPricePaise, Quantity = quantity, LineTotalPaise = total, TaxableValuePaise = tax.TaxableValuePaise,
            CgstPaise = tax.CgstPaise, SgstPaise = tax.SgstPaise, IgstPaise = tax.IgstPaise,
        };
    }
}

/// <summary>A step in an order's life: from which status to which, when, and who took it.</summary>
public sealed class OrderEvent
{
    public const int NoteMaxLength = 500;

    private OrderEvent() { }

    public OrderEvent(OrderStatus? from, OrderStatus to, string actor, string? note, DateTimeOffset at)
    {
        From = from;
        To = to;
        Actor = actor;
        Note = note;
        At = at;
    }

    public long Id { get; private set; }

    public int OrderId { get; private set; }

    public OrderStatus? From { get; private set; }

    public OrderStatus To { get; private set; }

    /// <summary>Who took the step: <c>customer</c>, <c>staff:&lt;id&gt;</c>, <c>partner:&lt;id&gt;</c> or <c>system</c>.</summary>
    public string Actor { get; private set; } = "";

    public string? Note { get; private set; }

    public DateTimeOffset At { get; private set; }
}
