namespace ConnectingNer.Infrastructure.Ordering;

/// <summary>The last number taken in a series (<c>order</c>, <c>invoice</c>) in a financial year.</summary>
public sealed class OrderNumberCounter
{
    public string Series { get; set; } = "";

    public string FinancialYear { get; set; } = "";

    public long Last { get; set; }
}
