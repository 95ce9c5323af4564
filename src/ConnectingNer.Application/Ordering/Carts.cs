using ConnectingNer.Application.Catalog;
using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Ordering.ReadModels;
using ConnectingNer.Domain.Catalog;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Ordering;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Ordering;

/// <summary>
/// Who reaches a cart: anyone holding the id of an anonymous cart; only its owner for a customer's cart (anyone
/// else is told it does not exist, like a wrong id).
/// </summary>
internal static class Carts
{
    public static bool MayUse(this ICurrentUser user, Cart cart) =>
        cart.CustomerId is null || (user.PartnerId is null && user.TryGetPersonId(out var me) && me == cart.CustomerId);

    /// <summary>The cart with its lines, locked until the transaction ends, when the caller may use it.</summary>
    public static async Task<Cart?> LockAsync(IApplicationDbContext db, IOrderingLocks locks, ICurrentUser user, Guid id, CancellationToken ct)
    {
        var cart = await locks.LockCartAsync(id, ct);
        return cart is not null && user.MayUse(cart) ? cart : null;
    }

    public static async Task<CartReadModel?> ReadAsync(IApplicationDbContext db, ICurrentUser user, Guid id, CancellationToken ct)
    {
        var cart = await db.Carts.AsNoTracking().Include(c => c.Lines).SingleOrDefaultAsync(c => c.Id == id, ct);
        return cart is not null && user.MayUse(cart) ? await ReadAsync(db, cart, ct) : null;
    }

    /// <summary>The cart priced as of now (one query for its products and their price breaks).</summary>
    public static async Task<CartReadModel> ReadAsync(IApplicationDbContext db, Cart cart, CancellationToken ct)
    {
        var ids = cart.Lines.Select(l => l.ProductId).ToArray();
        var priceBreaks = db.PriceBreaks;
        var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.PricePaise, p.IsActive, p.Stock, Breaks = priceBreaks.Where(b => b.ProductId == p.Id).ToList() })
            .ToDictionaryAsync(p => p.Id, ct);
        var lines = cart.Lines.OrderBy(l => l.AddedAt).ThenBy(l => l.ProductId).Select(l =>
        {
            var p = products[l.ProductId];
            var unit = PriceBreak.UnitPrice(p.PricePaise, p.Breaks, l.Quantity);
            return new CartLineReadModel(l.ProductId, l.Quantity, unit, p.IsActive && p.Stock >= l.Quantity, l.AddedAt);
        }).ToList();
        return new CartReadModel(cart.Id, cart.CustomerId is not null, lines, cart.UpdatedAt);
    }

    /// <summary>An active product's stock and SKU, or the error for an unknown or withdrawn one.</summary>
    public static async Task<Result<(int Stock, string Sku)>> SellableAsync(IApplicationDbContext db, int productId, CancellationToken ct)
    {
        var product = await db.Products.AsNoTracking().Where(p => p.Id == productId && p.IsActive)
            .Select(p => new { p.Stock, p.Sku }).SingleOrDefaultAsync(ct);
        return product is null ? OrderingErrors.ProductUnavailable() : Result.Success((product.Stock, product.Sku));
    }

    /// <summary>A change of a line of an active product, given its stock and SKU.</summary>
    public static Task<Result<CartReadModel>> ChangeLineAsync(IApplicationDbContext db, IOrderingLocks locks, ICurrentUser user, Guid cartId,
        int productId, Func<Cart, int, string, Result> change, CancellationToken ct) =>
        ChangeAsync(db, locks, user, cartId, async cart =>
        {
            var product = await SellableAsync(db, productId, ct);
            return product.IsSuccess ? change(cart, product.Value.Stock, product.Value.Sku) : product;
        }, ct);

    /// <summary>The shape of every line change: lock the cart, change it, save, answer with the cart as of now.</summary>
    public static async Task<Result<CartReadModel>> ChangeAsync(IApplicationDbContext db, IOrderingLocks locks, ICurrentUser user, Guid cartId,
        Func<Cart, Task<Result>> change, CancellationToken ct)
    {
        var cart = await LockAsync(db, locks, user, cartId, ct);
        if (cart is null) return OrderingErrors.CartNotFound();
        var changed = await change(cart);
        if (!changed.IsSuccess) return Result<CartReadModel>.FromErrors(changed.Errors);
        await db.SaveChangesAsync(ct);
        return Result.Success(await ReadAsync(db, cart, ct));
    }
}
