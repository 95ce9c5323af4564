using ConnectingNer.Domain.Ordering;

namespace ConnectingNer.Application.Ordering;

/// <summary>GST invoices get the next gapless number of the financial year, dated in Indian time.</summary>
internal static class Invoices
{
    public static async Task IssueAsync(Order order, IOrderNumbers numbers, DateTimeOffset now, CancellationToken ct)
    {
        var year = OrderNumbers.FinancialYear(now);
        order.IssueInvoice(OrderNumbers.Invoice(year, await numbers.NextAsync("invoice", year, ct)), OrderNumbers.IndianDate(now));
    }
}
