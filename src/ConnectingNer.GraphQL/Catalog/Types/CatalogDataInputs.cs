using ConnectingNer.Application.Catalog.ReadModels;
using ConnectingNer.GraphQL.Server.Data.Filtering;
using ConnectingNer.GraphQL.Server.Data.Sorting;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Catalog.Types;

public sealed class StockStatusType : EnumerationGraphType<StockStatus>
{
    public StockStatusType()
    {
        Name = "StockStatus";
        Description = $"Availability at a glance: out of stock, low (fewer than {ProductReadModel.LowStockBelow} units) or in stock.";
    }
}

public sealed class StockStatusOperationFilterInputType() : EnumOperationFilterInputType<StockStatusType>("StockStatusOperationFilterInput");

/// <summary>What products can be filtered on: the read model's public members, nothing else.</summary>
public sealed class ProductFilterInputType : FilterInputGraphType<ProductReadModel>
{
    public ProductFilterInputType() : base("ProductFilterInput", "Conditions on products.")
    {
        Filter("sku", p => p.Sku, "The stock keeping unit.");
        Filter("name", p => p.Name, "The display name.");
        Filter("description", p => p.Description, "The description.");
        Filter("pricePaise", p => p.PricePaise, "The unit price in paise.");
        Filter("stock", p => p.Stock, "Units on hand.");
        FilterEnum<StockStatus, StockStatusOperationFilterInputType>("stockStatus", p => p.StockStatus, "Availability.");
        Filter("isActive", p => p.IsActive, "Whether the product is for sale.");
        Filter("createdAt", p => p.CreatedAt, "When the product was added.");
        Filter("updatedAt", p => p.UpdatedAt, "When the product last changed.");
        FilterList("tags", p => p.Tags, "The product's tags.");
        FilterObject<CategoryReadModel, CategoryFilterInputType>("category", p => p.Category, "The product's category.");
    }
}

public sealed class CategoryFilterInputType : FilterInputGraphType<CategoryReadModel>
{
    public CategoryFilterInputType() : base("CategoryFilterInput", "Conditions on categories.")
    {
        Filter("name", c => c.Name, "The display name.");
        Filter("slug", c => c.Slug, "The URL-friendly name.");
    }
}

public sealed class ProductSortInputType : SortInputGraphType<ProductReadModel>
{
    public ProductSortInputType() : base("ProductSortInput", "A key to order products by.")
    {
        Sort("sku", p => p.Sku, "By SKU.");
        Sort("name", p => p.Name, "By display name.");
        Sort("pricePaise", p => p.PricePaise, "By unit price.");
        Sort("stock", p => p.Stock, "By units on hand.");
        Sort("createdAt", p => p.CreatedAt, "By when the product was added.");
        Sort("updatedAt", p => p.UpdatedAt, "By when the product last changed.");
        SortObject<CategoryReadModel, CategorySortInputType>("category", p => p.Category, "By a key of the category.");
    }
}

public sealed class CategorySortInputType : SortInputGraphType<CategoryReadModel>
{
    public CategorySortInputType() : base("CategorySortInput", "A key to order categories by.")
    {
        Sort("name", c => c.Name, "By display name.");
        Sort("slug", c => c.Slug, "By URL-friendly name.");
    }
}
