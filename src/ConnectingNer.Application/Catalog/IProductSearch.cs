namespace ConnectingNer.Application.Catalog;

/// <summary>Ranked text search over products; the database's full-text and trigram indexes do the work.</summary>
public interface IProductSearch
{
    /// <summary>Products matching <paramref name="text"/> with their relevance (higher is better).</summary>
    IQueryable<ProductSearchHit> Search(string text);
}

public sealed class ProductSearchHit
{
    public int ProductId { get; init; }

    public double Rank { get; init; }
}
