using System.Security.Cryptography;
using ConnectingNer.Domain.Common;

namespace ConnectingNer.Domain.Ordering;

/// <summary>
/// A shopping cart. Its id is a 128-bit random secret: whoever holds it (the device that created it) may use an
/// anonymous cart; a customer's cart is theirs alone and follows them across devices. Lines hold products and
/// quantities only: prices are read as of now, and stock is checked, not reserved.
/// </summary>
public sealed class Cart
{
    private readonly List<CartLine> _lines = [];

    private Cart() { }

    public Guid Id { get; private set; }

    /// <summary>The owner; null for a device's anonymous cart.</summary>
    public Guid? CustomerId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<CartLine> Lines => _lines;

    public static Cart Create(Guid? customerId, DateTimeOffset now) => new()
    {
        Id = new Guid(RandomNumberGenerator.GetBytes(16)), CustomerId = customerId, CreatedAt = now, UpdatedAt = now,
    };

    /// <summary>Adds units of a product (to its line if it has one); the line's total must stay within range and stock.</summary>
    public Result Add(int productId, int quantity, int stock, string sku, DateTimeOffset now)
    {
        if (quantity is < CartLine.MinQuantity or > CartLine.MaxQuantity) return OrderingErrors.QuantityOutOfRange();
        var line = _lines.FirstOrDefault(l => l.ProductId == productId);
        var total = (line?.Quantity ?? 0) + quantity;
        if (total > CartLine.MaxQuantity) return OrderingErrors.QuantityOutOfRange();
        if (total > stock) return OrderingErrors.InsufficientStock(sku, stock);
        if (line is null) _lines.Add(new CartLine(Id, productId, quantity, now));
        else line.Quantity = total;
        UpdatedAt = now;
        return Result.Success();
    }

    /// <summary>Sets a line's quantity.</summary>
    public Result Update(int productId, int quantity, int stock, string sku, DateTimeOffset now)
    {
        if (quantity is < CartLine.MinQuantity or > CartLine.MaxQuantity) return OrderingErrors.QuantityOutOfRange();
        var line = _lines.FirstOrDefault(l => l.ProductId == productId);
        if (line is null) return OrderingErrors.LineNotFound();
        if (quantity > stock) return OrderingErrors.InsufficientStock(sku, stock);
        line.Quantity = quantity;
        UpdatedAt = now;
        return Result.Success();
    }

    public Result Remove(int productId, DateTimeOffset now)
    {
        if (_lines.RemoveAll(l => l.ProductId == productId) == 0) return OrderingErrors.LineNotFound();
        UpdatedAt = now;
        return Result.Success();
    }

    /// <summary>Takes a device cart's lines: quantities of the same product add up, capped at the maximum.</summary>
    public void Merge(Cart device, DateTimeOffset now)
    {
        foreach (var theirs in device.Lines)
        {
            var mine = _lines.FirstOrDefault(l => l.ProductId == theirs.ProductId);
            if (mine is null) _lines.Add(new CartLine(Id, theirs.ProductId, theirs.Quantity, now));
            else mine.Quantity = Math.Min(CartLine.MaxQuantity, mine.Quantity + theirs.Quantity);
        }

        UpdatedAt = now;
    }

    /// <summary>A device cart becomes the signed-in customer's.</summary>
    public void AssignTo(Guid customerId, DateTimeOffset now)
    {
        CustomerId = customerId;
        UpdatedAt = now;
    }

    public void Empty(DateTimeOffset now)
    {
        _lines.Clear();
        UpdatedAt = now;
    }
}

public sealed class CartLine
{
    public const int MinQuantity = 1;
    public const int MaxQuantity = 999;

    private CartLine() { }

    public CartLine(Guid cartId, int productId, int quantity, DateTimeOffset addedAt)
    {
        CartId = cartId;
        ProductId = productId;
        Quantity = quantity;
        AddedAt = addedAt;
    }

    public Guid CartId { get; private set; }

    public int ProductId { get; private set; }

    public int Quantity { get; internal set; }

    public DateTimeOffset AddedAt { get; private set; }
}
