using ConnectingNer.Domain.Common;

namespace ConnectingNer.Domain.Catalog;

/// <summary>A quantity price break (bulk buying): from <see cref="MinQuantity"/> units on, each costs <see cref="UnitPricePaise"/>.</summary>
public sealed class PriceBreak
{
    public const int MaxBreaks = 5;

    private PriceBreak() { }

    public PriceBreak(int productId, int minQuantity, long unitPricePaise)
    {
        ProductId = productId;
        MinQuantity = minQuantity;
        UnitPricePaise = unitPricePaise;
    }

    public int ProductId { get; private set; }

    public int MinQuantity { get; private set; }

    public long UnitPricePaise { get; private set; }

    /// <summary>
    /// Checks a product's whole set of breaks: at most five, each from 2 units on, each cheaper than the list price
    /// and than every break below it.
    /// </summary>
    public static Result Validate(long listPricePaise, IReadOnlyList<(int MinQuantity, long UnitPricePaise)> breaks)
    {
        if (breaks.Count > MaxBreaks) return Invalid($"A product has at most {MaxBreaks} price breaks.");
        var ordered = breaks.OrderBy(b => b.MinQuantity).ToList();
        var previous = listPricePaise;
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].MinQuantity < 2) return Invalid("A price break starts at 2 units or more.");
            if (i > 0 && ordered[i].MinQuantity == ordered[i - 1].MinQuantity) return Invalid("Two price breaks start at the same quantity.");
            if (ordered[i].UnitPricePaise <= 0 || ordered[i].UnitPricePaise >= previous)
                return Invalid("Each price break is cheaper than the list price and than the breaks for fewer units.");
            previous = ordered[i].UnitPricePaise;
        }

        return Result.Success();
    }

    /// <summary>The unit price for a quantity: the break with the largest minimum the quantity reaches, else the list price.</summary>
    public static long UnitPrice(long listPricePaise, IEnumerable<PriceBreak> breaks, int quantity) =>
        breaks.Where(b => b.MinQuantity <= quantity).OrderByDescending(b => b.MinQuantity).Select(b => (long?)b.UnitPricePaise).FirstOrDefault()
        ?? listPricePaise;

    private static Error Invalid(string message) => new("product.price_breaks_invalid", message, "breaks");
}
