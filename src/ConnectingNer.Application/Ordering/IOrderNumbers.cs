namespace ConnectingNer.Application.Ordering;

/// <summary>
/// Gapless numbers per series and financial year. Taking a number locks its counter until the transaction ends:
/// a rolled-back order gives its number back, so the numbers that exist have no gaps.
/// </summary>
public interface IOrderNumbers
{
    Task<long> NextAsync(string series, string financialYear, CancellationToken cancellationToken);
}
