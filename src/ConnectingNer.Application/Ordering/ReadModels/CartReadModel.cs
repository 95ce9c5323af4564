namespace ConnectingNer.Application.Ordering.ReadModels;

/// <summary>A cart as of now: current prices, and whether each line can still be bought.</summary>
public sealed record CartReadModel(Guid Id, bool IsOwned, IReadOnlyList<CartLineReadModel> Lines, DateTimeOffset UpdatedAt)
{
    public int TotalQuantity => Lines.Sum(l => l.Quantity);

    public long TotalPaise => Lines.Sum(l => l.LineTotalPaise);
}

public sealed record CartLineReadModel(int ProductId, int Quantity, long UnitPricePaise, bool IsAvailable, DateTimeOffset AddedAt)
{
    public long LineTotalPaise => UnitPricePaise * Quantity;
}
