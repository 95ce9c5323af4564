using ConnectingNer.Domain.Common;
using ConnectingNer.GraphQL.Server.Execution;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Common;

/// <summary>A mutation payload with no object to return: <c>{ &lt;doneField&gt;: Boolean! errors }</c>.</summary>
public abstract class OutcomePayloadType : ObjectGraphType<Result>
{
    protected OutcomePayloadType(string name, string description, string doneField, string doneDescription)
    {
        Name = name;
        Description = description;
        Field<NonNullGraphType<BooleanGraphType>>(doneField).Description(doneDescription).ResolveFromSource(source => source.IsSuccess);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("errors").Description("Why nothing was done; empty on success.")
            .ResolveFromSource(source => source.Errors);
    }
}
