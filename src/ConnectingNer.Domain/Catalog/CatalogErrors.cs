using ConnectingNer.Domain.Common;

namespace ConnectingNer.Domain.Catalog;

/// <summary>Stable error codes of the catalog aggregates.</summary>
public static class CatalogErrors
{
    public static Error PriceNotPositive(string field = "pricePaise") =>
        new("product.price_not_positive", "The price must be greater than zero.", field);

    public static Error StockNegative(string field = "stock") =>
        new("product.stock_negative", "Stock cannot be negative.", field);

    public static Error SkuRequired(string field = "sku") =>
        new("product.sku_required", "A SKU is required.", field);

    public static Error SkuInvalid(string field = "sku") =>
        new("product.sku_invalid", $"A SKU is 3 to {Product.SkuMaxLength} letters, digits or dashes.", field);

    public static Error DuplicateSku(string sku, string field = "sku") =>
        new("product.duplicate_sku", $"Another product already has the SKU '{sku}'.", field);

    public static Error NameRequired(string field = "name") =>
        new("product.name_required", "A name is required.", field);

    public static Error NameTooLong(string field = "name") =>
        new("product.name_too_long", $"A name has at most {Product.NameMaxLength} characters.", field);

    public static Error DescriptionTooLong(string field = "description") =>
        new("product.description_too_long", $"A description has at most {Product.DescriptionMaxLength} characters.", field);

    public static Error TagsInvalid(string field = "tags") =>
        new("product.tags_invalid", $"At most {Product.MaxTags} tags of at most {Product.TagMaxLength} characters.", field);

    public static Error ProductNotFound(string field = "id") =>
        new("product.not_found", "No product has this id.", field);

    public static Error CategoryNotFound(string field = "categoryId") =>
        new("category.not_found", "No category has this id.", field);

    public static Error OutOfStock(int productId) =>
        new("product.out_of_stock", $"Product {productId} does not have enough stock.", "quantity");
}
