namespace ConnectingNer.Application.Catalog.ReadModels;

/// <summary>Availability at a glance; computed from stock by the database.</summary>
public enum StockStatus
{
    InStock,
    LowStock,
    OutOfStock,
}
