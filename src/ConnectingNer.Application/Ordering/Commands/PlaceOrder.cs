using ConnectingNer.Application.Accounts;
using ConnectingNer.Application.Catalog;
using ConnectingNer.Application.Common.Idempotency;
using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Customers;
using ConnectingNer.Application.Ordering.ReadModels;
using ConnectingNer.Domain.Catalog;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Customers;
using ConnectingNer.Domain.Ordering;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Ordering.Commands;

/// <summary>
/// Checkout, in one transaction: prices, names, tax and the shipping address are copied into the order (the address
/// sealed with the customer's key), stock is taken with guarded updates (never below zero, so concurrent buyers of
/// the last unit cannot both succeed), the cart is emptied, and at commit the order gets the next gapless number of
/// its financial year. Exactly once per idempotency key. The answer is the order's id.
/// </summary>
[Authorize(Policies.OrdersWrite)]
public sealed record PlaceOrderCommand(Guid CartId, Guid ShippingAddressId, Guid? BillingAddressId, PaymentMethod PaymentMethod,
    string? PurchaseOrderNumber, int? OrganisationId, string? IdempotencyKey) : ICommand<Result<int>>, IIdempotentCommand;

public sealed class PlaceOrderCommandHandler(IApplicationDbContext db, IOrderingLocks locks, IOrderAddressVault vault,
    ICustomerStore customers, ICurrentUser user, ShopSettings shop, TimeProvider clock) : ICommandHandler<PlaceOrderCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(PlaceOrderCommand command, CancellationToken cancellationToken)
    {
        if (user.PartnerId is not null || !user.TryGetPersonId(out var me)) return AccountErrors.NotSignedIn();
        var now = clock.GetUtcNow();
        var cart = await Carts.LockAsync(db, locks, user, command.CartId, cancellationToken);
        if (cart is null) return OrderingErrors.CartNotFound();
        if (cart.Lines.Count == 0) return OrderingErrors.CartEmpty();

        var customer = await customers.FindAsync(me, cancellationToken);
        if (customer is null) return AccountErrors.NotSignedIn();
        var shipping = customer.Addresses.FirstOrDefault(a => a.Id == command.ShippingAddressId);
        if (shipping is null) return OrderingErrors.AddressNotFound("shippingAddressId");
        Address? billing = null;
        if (command.BillingAddressId is { } billingId && (billing = customer.Addresses.FirstOrDefault(a => a.Id == billingId)) is null)
            return OrderingErrors.AddressNotFound("billingAddressId");
        var place = PlaceOfSupply(shipping, command.PaymentMethod);
        if (!place.IsSuccess) return Result<int>.FromErrors(place.Errors);
        var buyer = await BuyerAsync(command, me, cancellationToken);
        if (!buyer.IsSuccess) return Result<int>.FromErrors(buyer.Errors);

        var lines = await TakeStockAsync(cart, place.Value.IntraState, now, cancellationToken);
        if (!lines.IsSuccess) return Result<int>.FromErrors(lines.Errors);

        var sealedShipping = await vault.SealAsync(me, PostalAddress.From(shipping), cancellationToken);
        var sealedBilling = billing is null ? null : await vault.SealAsync(me, PostalAddress.From(billing), cancellationToken);
        // The order's number (and a cash-on-delivery order's invoice number) is given by the database when this
        // transaction commits (a deferred trigger): the gapless counter is held for the commit only.
        var order = Order.Place(me, command.PaymentMethod, lines.Value, place.Value.Name, place.Value.IntraState, shipping.Id,
            sealedShipping, sealedBilling, command.PurchaseOrderNumber?.Trim(), command.OrganisationId, buyer.Value, "customer", now);
        // Async: the id comes from a block of the order id sequence, now and then a round trip to fetch the next block.
        await db.Orders.AddAsync(order, cancellationToken);
        cart.Empty(now);
        // Whole or nothing: a failure rolls the transaction back, so EF Core's savepoint around the save (two round
        // trips) buys nothing here.
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = true;
        }
        return Result.Success(order.Id);
    }

    /// <summary>The state the goods go to, and whether it is the shop's own (CGST + SGST) or another (IGST).</summary>
    private Result<(string Name, bool IntraState)> PlaceOfSupply(Address shipping, PaymentMethod method)
    {
        if (shipping.CountryCode != "IN")
            return method == PaymentMethod.CashOnDelivery ? OrderingErrors.CashOnDeliveryOutsideIndia() : OrderingErrors.ShippingOutsideIndia();
        var state = IndianStates.Find(shipping.State);
        if (state is null) return OrderingErrors.StateUnknown();
        if (!IndianStates.HasPin(state, shipping.PostalCode)) return OrderingErrors.PostalCodeNotInState();
        return Result.Success((state.Name, state == shop.HomeState));
    }

    /// <summary>For an organisation's order: the caller must buy for it, with a PO number; its GSTIN goes on the invoice.</summary>
    private async Task<Result<string?>> BuyerAsync(PlaceOrderCommand command, Guid me, CancellationToken ct)
    {
        if (command.OrganisationId is not { } id) return Result.Success<string?>(null);
        var organisation = await db.Organisations.AsNoTracking().Include(o => o.Members).SingleOrDefaultAsync(o => o.Id == id, ct);
        if (organisation?.RoleOf(me) is null) return OrderingErrors.OrganisationNotFound();
        if (string.IsNullOrWhiteSpace(command.PurchaseOrderNumber)) return OrderingErrors.PurchaseOrderNumberRequired();
        return Result.Success<string?>(organisation.Gstin);
    }

    /// <summary>Takes every line's units off the shelf, in product-id order (so concurrent orders never deadlock).</summary>
    private async Task<Result<List<OrderLine>>> TakeStockAsync(Cart cart, bool intraState, DateTimeOffset now, CancellationToken ct)
    {
        var ids = cart.Lines.Select(l => l.ProductId).ToArray();
        var priceBreaks = db.PriceBreaks;
        var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id, p.Sku, p.Name, p.PricePaise, p.IsActive, Slug = p.Category!.Slug,
                Breaks = priceBreaks.Where(b => b.ProductId == p.Id).ToList(),
            }).ToDictionaryAsync(p => p.Id, ct);
        var sorted = cart.Lines.OrderBy(l => l.ProductId).ToList();
        if (sorted.Any(l => !products[l.ProductId].IsActive)) return OrderingErrors.ProductUnavailable("cartId");
        if (await locks.TakeStockAsync([.. sorted.Select(l => (l.ProductId, l.Quantity))], now, ct) is { } shortId)
        {
            var left = await db.Products.AsNoTracking().Where(p => p.Id == shortId).Select(p => p.Stock).SingleAsync(ct);
            return OrderingErrors.InsufficientStock(products[shortId].Sku, left, "cartId");
        }

        var lines = new List<OrderLine>();
        foreach (var line in sorted)
        {
            var product = products[line.ProductId];
            var (rate, hsn) = shop.TaxOf(product.Slug);
            var unit = PriceBreak.UnitPrice(product.PricePaise, product.Breaks, line.Quantity);
            lines.Add(OrderLine.Create(product.Id, product.Sku, product.Name, hsn, rate, unit, line.Quantity, intraState));
        }

        return Result.Success(lines);
    }
}
