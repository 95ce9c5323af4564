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

    public bool IsActive { get; init; }

    public int CategoryId { get; init; }

    public CategoryReadModel? Category { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The projection EF translates to SQL (the category is joined in the same query).</summary>
    public static readonly Expression<Func<Product, ProductReadModel>> FromEntity = p => new ProductReadModel
    {
        Id = p.Id,
        Sku = p.Sku,
        Name = p.Name,
        Description = p.Description,
        PricePaise = p.PricePaise,
        Stock = p.Stock,
        IsActive = p.IsActive,
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
