using ConnectingNer.Application.Catalog.ReadModels;
using ConnectingNer.GraphQL.Server.Data.Projection;
using ConnectingNer.GraphQL.Server.Execution;
using ConnectingNer.GraphQL.Server.Relay;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Catalog.Types;

public sealed class ProductType : ObjectGraphType<ProductReadModel>
{
    public const string TypeName = "Product";

    public ProductType()
    {
        Name = TypeName;
        Description = "A product for sale.";
        Interface<NodeInterfaceType>();
        Field<NonNullGraphType<IdGraphType>>("id").Description("The product's global id.")
            .ResolveGlobalId(TypeName, p => p.Id);
        this.SourceField(p => p.Sku).Description("Stock keeping unit: unique, upper case, e.g. `TEA-0101`.");
        this.SourceField(p => p.Name).Description("The product's display name.");
        this.SourceField(p => p.Description).Description("A longer description.");
        Field<NonNullGraphType<MoneyType>>("price").Description("The unit price, taxes included.")
            .Projects(nameof(ProductReadModel.PricePaise))
            .ResolveFromSource(p => p.PricePaise);
        this.SourceField(p => p.Stock).Description("Units on hand.");
        Field<NonNullGraphType<BooleanGraphType>>("isInStock").Description("True when at least one unit is on hand.")
            .Projects(nameof(ProductReadModel.Stock))
            .ResolveFromSource(p => p.Stock > 0);
        Field<NonNullGraphType<StockStatusType>>("stockStatus").Description("Availability at a glance.")
            .ResolveFromSource(p => p.StockStatus);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("tags")
            .Description("Lower-case labels such as `organic`, `gift` or `gi-tagged`.")
            .ResolveFromSource(p => p.Tags);
        this.SourceField(p => p.IsActive).Description("False when the product is withdrawn from sale (visible to catalog staff only).");
        Field<CategoryType>("category").Description("The category the product belongs to.")
            .ResolveFromSource(p => p.Category);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PriceBreakType>>>>("priceBreaks")
            .Description("Bulk prices, fewest units first (empty for most products); carts and orders apply them.")
            .Resolve(ctx => ctx.LoadPriceBreaks(ctx.Source.Id));
        this.SourceField(p => p.CreatedAt).Description("When the product was added.");
        this.SourceField(p => p.UpdatedAt).Description("When the product last changed.");
    }
}
