using ConnectingNer.GraphQL.Common;
using GraphQL.Types;

namespace ConnectingNer.GraphQL;

/// <summary>The root mutation: every feature's <see cref="IMutationFields"/>.</summary>
public sealed class MutationType : ObjectGraphType
{
    public MutationType()
    {
        Name = "Mutation";
        Description = "Everything a client can change. Each mutation takes one `input` and answers with a payload carrying `errors`.";
        foreach (var fields in Features.All<IMutationFields>()) fields.AddTo(this);
    }
}
