namespace ConnectingNer.Domain.Ordering;

/// <summary>
/// Indian financial years (1 April to 31 March, in Indian time) and the human-readable numbers counted within
/// them: orders <c>CN/2026-27/000123</c>, GST invoices <c>CNI/2627/000123</c> (an invoice number has at most 16 characters).
/// </summary>
public static class OrderNumbers
{
    private static readonly TimeSpan IndianTime = TimeSpan.FromHours(5.5);

    /// <summary>The financial year an instant falls in, as <c>2026-27</c>.</summary>
    public static string FinancialYear(DateTimeOffset at)
    {
        var local = at.ToOffset(IndianTime);
        var start = local.Month >= 4 ? local.Year : local.Year - 1;
        return $"{start}-{(start + 1) % 100:D2}";
    }

    public static string Order(string financialYear, long sequence) => $"CN/{financialYear}/{sequence:D6}";

    public static string Invoice(string financialYear, long sequence) => $"CNI/{financialYear.Replace("-", "")[2..]}/{sequence:D6}";

    /// <summary>The date in India (invoices are dated in Indian time).</summary>
    public static DateOnly IndianDate(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(IndianTime).DateTime);
}
