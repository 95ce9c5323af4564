namespace ConnectingNer.Domain.Catalog;

/// <summary>
/// Units of a product sold on one day, across all customers: no personal data. Until orders exist the demo seed
/// fills it; afterwards placing an order adds to it.
/// </summary>
public sealed class ProductSalesDay
{
    private ProductSalesDay() { }

    public ProductSalesDay(int productId, DateOnly day, int units)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(units);
        ProductId = productId;
        Day = day;
        Units = units;
    }

    public int ProductId { get; private set; }

    public DateOnly Day { get; private set; }

    public int Units { get; private set; }
}
