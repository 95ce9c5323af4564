namespace ConnectingNer.Application.Catalog.ReadModels;

/// <summary>A product and how many units of it sold, across all customers.</summary>
public sealed record BestSellerReadModel(int Rank, long UnitsSold, ProductReadModel Product);
