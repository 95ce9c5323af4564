using ConnectingNer.Application.Catalog.ReadModels;
using ConnectingNer.GraphQL.Server.Data.Projection;
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
            .Resolve(ctx => GlobalId.Encode(TypeName, ctx.Source.Id));
        Field(p => p.Sku).Description("Stock keeping unit: unique, upper case, e.g. `TEA-0101`.");
        Field(p => p.Name).Description("The product's display name.");
        Field(p => p.Description).Description("A longer description.");
        Field<NonNullGraphType<MoneyType>>("price").Description("The unit price, taxes included.")
            .Projects(nameof(ProductReadModel.PricePaise))
            .Resolve(ctx => ctx.Source.PricePaise);
        Field(p => p.Stock).Description("Units on hand.");
        Field<NonNullGraphType<BooleanGraphType>>("isInStock").Description("True when at least one unit is on hand.")
            .Projects(nameof(ProductReadModel.Stock))
            .Resolve(ctx => ctx.Source.Stock > 0);
        Field<NonNullGraphType<StockStatusType>>("stockStatus").Description("Availability at a glance.")
            .Resolve(ctx => ctx.Source.StockStatus);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("tags")
            .Description("Lower-case labels such as `organic`, `gift` or `gi-tagged`.")
            .Resolve(ctx => ctx.Source.Tags);
        Field(p => p.IsActive).Description("False when the product is withdrawn from sale (visible to catalog staff only).");
        Field<CategoryType>("category").Description("The category the product belongs to.")
            .Resolve(ctx => ctx.Source.Category);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PriceBreakType>>>>("priceBreaks")
            .Description("Bulk prices, fewest units first (empty for most products); carts and orders apply them.")
            .Resolve(ctx => ctx.LoadPriceBreaks(ctx.Source.Id));
        Field(p => p.CreatedAt).Description("When the product was added.");
        Field(p => p.UpdatedAt).Description("When the product last changed.");
    }
}
