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

    /// <summary><see cref="FromEntity"/> with the relevance of a search hit.</summary>
    public static Expression<Func<Product, double, ProductReadModel>> FromEntityWithRelevance => WithRelevance.Value;

    private static readonly Lazy<Expression<Func<Product, double, ProductReadModel>>> WithRelevance = new(AddRelevance);

    private static Expression<Func<Product, double, ProductReadModel>> AddRelevance()
    {
        var relevance = Expression.Parameter(typeof(double), "relevance");
        var init = (MemberInitExpression)FromEntity.Body;
        var bindings = init.Bindings.Append(Expression.Bind(typeof(ProductReadModel).GetProperty(nameof(Relevance))!, relevance));
        return Expression.Lambda<Func<Product, double, ProductReadModel>>(
            Expression.MemberInit(init.NewExpression, bindings), FromEntity.Parameters[0], relevance);
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
