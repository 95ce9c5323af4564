using System.Linq.Expressions;
using ConnectingNer.Domain.Catalog;

namespace ConnectingNer.Application.Catalog.ReadModels;

/// <summary>What clients may read of a product. Only these properties can ever be filtered, sorted or selected.</summary>
public sealed record ProductReadModel
{
    public int Id { get; init; }

    public string Sku { get; init; } = "";

    public string Name { get; init; } = "";

    public string Description { get; init; } = "";

    public long PricePaise { get; init; }

    public int Stock { get; init; }

    /// <summary>Fewer units than this count as low stock.</summary>
    public const int LowStockBelow = 10;

    public StockStatus StockStatus { get; init; }

    public bool IsActive { get; init; }

    public string[] Tags { get; init; } = [];

    /// <summary>How well the product matches a search (0 outside searches); orders search results.</summary>
    public double Relevance { get; init; }

    public int CategoryId { get; init; }

    public CategoryReadModel? Category { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// <see cref="FromEntity"/> for a product joined with its search hit, the hit's rank as <see cref="Relevance"/>: the
    /// same member bindings plus one, so EF sees one translatable projection.
    /// </summary>
    public static Expression<Func<Product, ProductSearchHit, ProductReadModel>> FromSearchHit => WithRelevance.Value;

    private static readonly Lazy<Expression<Func<Product, ProductSearchHit, ProductReadModel>>> WithRelevance = new(AddRelevance);

    private static Expression<Func<Product, ProductSearchHit, ProductReadModel>> AddRelevance()
    {
        var hit = Expression.Parameter(typeof(ProductSearchHit), "hit");
        var init = (MemberInitExpression)FromEntity.Body;
        var bindings = init.Bindings.Append(Expression.Bind(
            typeof(ProductReadModel).GetProperty(nameof(Relevance))!, Expression.Property(hit, nameof(ProductSearchHit.Rank))));
        return Expression.Lambda<Func<Product, ProductSearchHit, ProductReadModel>>(
            Expression.MemberInit(init.NewExpression, bindings), FromEntity.Parameters[0], hit);
    }

    /// <summary>The projection EF translates to SQL (the category is joined in the same query).</summary>
    public static readonly Expression<Func<Product, ProductReadModel>> FromEntity = p => new ProductReadModel
    {
        Id = p.Id,
        Sku = p.Sku,
        Name = p.Name,
        Description = p.Description,
        PricePaise = p.PricePaise,
        Stock = p.Stock,
        StockStatus = p.Stock == 0 ? StockStatus.OutOfStock : p.Stock < LowStockBelow ? StockStatus.LowStock : StockStatus.InStock,
        IsActive = p.IsActive,
        Tags = p.Tags,
        CategoryId = p.CategoryId,
        Category = p.Category == null ? null : new CategoryReadModel
        {
            Id = p.Category.Id,
            Name = p.Category.Name,
            Slug = p.Category.Slug,
            Description = p.Category.Description,
        },
        CreatedAt = p.CreatedAt,
        UpdatedAt = p.UpdatedAt,
    };
}
