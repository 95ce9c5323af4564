using ConnectingNer.Application.Catalog.ReadModels;
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
        Field<NonNullGraphType<IdGraphType>>("id").Description("The category's global id.")
            .Resolve(ctx => GlobalId.Encode(TypeName, ctx.Source.Id));
        Field(c => c.Name).Description("The category's display name.");
        Field(c => c.Slug).Description("A URL-friendly unique name, e.g. `spices`.");
        Field(c => c.Description).Description("What the category holds.");
    }
}
