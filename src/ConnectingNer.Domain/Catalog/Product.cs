using System.Text.RegularExpressions;
using ConnectingNer.Domain.Common;

namespace ConnectingNer.Domain.Catalog;

/// <summary>A product for sale. Prices are whole paise (1 INR = 100 paise); stock never goes below zero.</summary>
public sealed partial class Product : Entity
{
    public const int SkuMaxLength = 32;
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int MaxTags = 10;
    public const int TagMaxLength = 30;

    private Product() { }

    public string Sku { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string Description { get; private set; } = "";

    public long PricePaise { get; private set; }

    public int Stock { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>Lower-case labels such as <c>organic</c> or <c>gi-tagged</c>, for filtering.</summary>
    public string[] Tags { get; private set; } = [];

    public int CategoryId { get; private set; }

    public Category? Category { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; private set; }

    public static Result<Product> Create(
        string sku, string name, string description, long pricePaise, int stock, int categoryId, DateTimeOffset now)
    {
        var errors = new List<Error>();
        var normalisedSku = NormaliseSku(sku, errors);
        CheckName(name, errors);
        CheckDescription(description, errors);
        if (pricePaise <= 0) errors.Add(CatalogErrors.PriceNotPositive());
        if (stock < 0) errors.Add(CatalogErrors.StockNegative());
        if (errors.Count > 0) return Result<Product>.FromErrors(errors);

        return Result.Success(new Product
        {
            Sku = normalisedSku,
            Name = name.Trim(),
            Description = description.Trim(),
            PricePaise = pricePaise,
            Stock = stock,
            IsActive = true,
            CategoryId = categoryId,
            CreatedAt = now,
            UpdatedAt = now,
        });
    }

    /// <summary>Changes the given details; a null argument leaves that detail as it is.</summary>
    public Result Update(
        string? name, string? description, long? pricePaise, int? categoryId, bool? isActive, DateTimeOffset now)
    {
        var errors = new List<Error>();
        if (name is not null) CheckName(name, errors);
        if (description is not null) CheckDescription(description, errors);
        if (pricePaise is <= 0) errors.Add(CatalogErrors.PriceNotPositive());
        if (errors.Count > 0) return Result.Failure([.. errors]);

        if (name is not null) Name = name.Trim();
        if (description is not null) Description = description.Trim();
        if (pricePaise is { } price) PricePaise = price;
        if (categoryId is { } category) CategoryId = category;
        if (isActive is { } active) IsActive = active;
        UpdatedAt = now;
        return Result.Success();
    }

    public Result SetStock(int stock, DateTimeOffset now)
    {
        if (stock < 0) return CatalogErrors.StockNegative();
        Stock = stock;
        UpdatedAt = now;
        return Result.Success();
    }

    public Result SetTags(IEnumerable<string> tags, DateTimeOffset now)
    {
        var normalised = tags.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct().ToArray();
        if (normalised.Length > MaxTags || normalised.Any(t => t.Length > TagMaxLength)) return CatalogErrors.TagsInvalid();
        Tags = normalised;
        UpdatedAt = now;
        return Result.Success();
    }

    public Result Reserve(int quantity, DateTimeOffset now)
    {
        if (quantity <= 0 || quantity > Stock) return CatalogErrors.OutOfStock(Id);
        Stock -= quantity;
        UpdatedAt = now;
        return Result.Success();
    }

    public static bool IsValidSku(string sku) => SkuPattern().IsMatch(sku);

    private static string NormaliseSku(string sku, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(sku))
        {
            errors.Add(CatalogErrors.SkuRequired());
            return "";
        }

        var normalised = sku.Trim().ToUpperInvariant();
        if (!IsValidSku(normalised)) errors.Add(CatalogErrors.SkuInvalid());
        return normalised;
    }

    private static void CheckName(string name, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(name)) errors.Add(CatalogErrors.NameRequired());
        else if (name.Trim().Length > NameMaxLength) errors.Add(CatalogErrors.NameTooLong());
    }

    private static void CheckDescription(string description, List<Error> errors)
    {
        if (description.Trim().Length > DescriptionMaxLength) errors.Add(CatalogErrors.DescriptionTooLong());
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{2,31}$")]
    private static partial Regex SkuPattern();
}
