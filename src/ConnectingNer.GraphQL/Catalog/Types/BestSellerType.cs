using ConnectingNer.Application.Catalog.ReadModels;
using ConnectingNer.GraphQL.Server.Execution;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Catalog.Types;

public sealed class BestSellerType : ObjectGraphType<BestSellerReadModel>
{
    public BestSellerType()
    {
        Name = "BestSeller";
        Description = "A product among the best sellers, with the units sold across all customers.";
        Field(b => b.Rank).Description("1 for the best seller.");
        Field(b => b.UnitsSold).Description("Units sold.");
        Field<NonNullGraphType<ProductType>>("product").Description("The product.").ResolveFromSource(source => source.Product);
    }
}
