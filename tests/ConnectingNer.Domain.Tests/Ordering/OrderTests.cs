using ConnectingNer.Domain.Ordering;

namespace ConnectingNer.Domain.Tests.Ordering;

public sealed class OrderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static Order NewOrder(PaymentMethod method = PaymentMethod.Prepaid) => Order.Place(Guid.NewGuid(), method,
        [OrderLine.Create(1, "TEA-1", "Tea", "0902", 500, 105_00, 2, intraState: true)],
        "Assam", true, Guid.NewGuid(), [1], null, null, null, null, "customer", Now);

    [Fact]
    public void APlacedOrder_AddsUpItsLines_AndRecordsItsFirstStep()
    {
        var order = NewOrder();

        Assert.Equal((21_000L, 20_000L, 500L, 500L, 0L), (order.TotalPaise, order.TaxableValuePaise, order.CgstPaise, order.SgstPaise, order.IgstPaise));
        Assert.Equal(OrderStatus.PendingPayment, order.Status);
        Assert.Equal(OrderStatus.Confirmed, NewOrder(PaymentMethod.CashOnDelivery).Status);
        Assert.Single(order.History);
        Assert.StartsWith(Order.ProvisionalPrefix, order.Number);
        Assert.Equal("2026-27", order.FinancialYear);
        Assert.Null(order.InvoiceNumber);
        // Cash on delivery is confirmed at once, so its invoice is due at once (numbered at commit, like the order).
        Assert.StartsWith(Order.ProvisionalPrefix, NewOrder(PaymentMethod.CashOnDelivery).InvoiceNumber);
        Assert.False(NewOrder(PaymentMethod.CashOnDelivery).NeedsInvoice);
    }

    [Fact]
    public void TheWholeLife_GoesStepByStep_AndEveryStepIsRecorded()
    {
        var order = NewOrder();
        Assert.True(order.RecordPayment(21_000, "pay_1", "partner:pay", Now).IsSuccess);
        Assert.True(order.NeedsInvoice);
        Assert.True(order.Move(OrderStatus.Packed, "staff:1", null, Now).IsSuccess);
        Assert.True(order.Move(OrderStatus.Shipped, "partner:ship", null, Now).IsSuccess);
        Assert.True(order.Move(OrderStatus.Delivered, "partner:ship", null, Now).IsSuccess);
        Assert.True(order.RequestReturn(7, "customer", "Wrong size", Now.AddDays(6)).IsSuccess);
        Assert.True(order.Move(OrderStatus.Returned, "staff:1", null, Now.AddDays(8)).IsSuccess);

        Assert.Equal(
            [OrderStatus.PendingPayment, OrderStatus.Paid, OrderStatus.Packed, OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.ReturnRequested, OrderStatus.Returned],
            order.History.Select(h => h.To));
        Assert.True(order.RestoresStock);
    }

    [Fact]
    public void StepsOutOfOrder_AreRefusedWithACode()
    {
        var order = NewOrder();
        Assert.Equal("order.transition_invalid", order.Move(OrderStatus.Shipped, "x", null, Now).Errors[0].Code);
        Assert.Equal("payment.amount_mismatch", order.RecordPayment(20_999, "p", "x", Now).Errors[0].Code);
        Assert.True(order.RecordPayment(21_000, "p", "x", Now).IsSuccess);
        Assert.Equal("order.transition_invalid", order.RecordPayment(21_000, "p", "x", Now).Errors[0].Code);
        Assert.Single(order.History, h => h.To == OrderStatus.Paid);
    }

    [Fact]
    public void Cancelling_WorksUntilPacked_ThenIsTooLate()
    {
        var early = NewOrder(PaymentMethod.CashOnDelivery);
        Assert.True(early.Cancel("customer", null, Now).IsSuccess);
        Assert.True(early.RestoresStock);

        var packed = NewOrder(PaymentMethod.CashOnDelivery);
        packed.Move(OrderStatus.Packed, "staff:1", null, Now);
        Assert.Equal("order.cancel_too_late", packed.Cancel("customer", null, Now).Errors[0].Code);
    }

    [Fact]
    public void AReturn_IsRefusedAfterTheWindow()
    {
        var order = NewOrder(PaymentMethod.CashOnDelivery);
        order.Move(OrderStatus.Packed, "s", null, Now);
        order.Move(OrderStatus.Shipped, "s", null, Now);
        order.Move(OrderStatus.Delivered, "s", null, Now);

        Assert.Equal("order.return_window_closed", order.RequestReturn(7, "customer", null, Now.AddDays(7).AddSeconds(1)).Errors[0].Code);
    }

    [Fact]
    public void ACart_KeepsQuantitiesInRange_AndWithinStock()
    {
        var cart = Cart.Create(null, Now);
        Assert.Equal("cart.quantity_out_of_range", cart.Add(1, 0, 10, "A", Now).Errors[0].Code);
        Assert.Equal("cart.quantity_out_of_range", cart.Add(1, 1000, 5000, "A", Now).Errors[0].Code);
        Assert.True(cart.Add(1, 3, 5, "A", Now).IsSuccess);
        Assert.Equal("cart.insufficient_stock", cart.Add(1, 3, 5, "A", Now).Errors[0].Code);
        Assert.True(cart.Add(1, 2, 5, "A", Now).IsSuccess);
        Assert.Equal(5, Assert.Single(cart.Lines).Quantity);

        var device = Cart.Create(null, Now);
        device.Add(1, 998, 5000, "A", Now);
        device.Add(2, 1, 5, "B", Now);
        cart.Merge(device, Now);
        Assert.Equal([(1, 999), (2, 1)], cart.Lines.Select(l => (l.ProductId, l.Quantity)));
        Assert.NotEqual(cart.Id, device.Id);
    }
}
