using ConnectingNer.Domain.Common;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Common;

public sealed class UserErrorType : ObjectGraphType<Error>
{
    public UserErrorType()
    {
        Name = "UserError";
        Description = "An expected failure of a mutation: nothing was changed.";
        Field(e => e.Code).Description("A stable, dotted, lower-case code to switch on, such as `product.duplicate_sku`.");
        Field(e => e.Message).Description("What went wrong, for people.");
        Field(e => e.Field, nullable: true).Description("The input field the error concerns, when there is one.");
    }
}
