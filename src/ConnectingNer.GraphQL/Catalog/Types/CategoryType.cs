using ConnectingNer.Application.Catalog.Queries;
using ConnectingNer.Application.Catalog.ReadModels;
using ConnectingNer.GraphQL.Common;
using ConnectingNer.GraphQL.Server.Data;
using ConnectingNer.GraphQL.Server.Execution;
using ConnectingNer.GraphQL.Server.Relay;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Catalog.Types;

public sealed class CategoryType : ObjectGraphType<CategoryReadModel>
{
    public const string TypeName = "Category";

    public CategoryType()
    {
        Name = TypeName;
        Description = "A shelf of the shop; every product belongs to one.";
        Interface<NodeInterfaceType>();
        Field<NonNullGraphType<IdGraphType>>("id").Description("The category's global id.")
            .ResolveGlobalId(TypeName, c => c.Id);
        this.SourceField(c => c.Name).Description("The category's display name.");
        this.SourceField(c => c.Slug).Description("A URL-friendly unique name, e.g. `spices`.");
        this.SourceField(c => c.Description).Description("What the category holds.");
        Field<ProductsConnectionType>("products")
            .Description("The category's products: the first page only (default 10, at most 50), loaded for all categories of a list at once.")
            .DataFeatures<CategoryReadModel, object, ProductFilterInputType, ProductSortInputType>()
            .Resolve(ctx => ctx.LoadConnection(ctx.Source.Id,
                ct => ctx.Sender().Send(new ListProductsQuery(), ct),
                p => p.CategoryId, p => p.Id));
    }
}
