using ConnectingNer.GraphQL.Common;
using ConnectingNer.GraphQL.Server.Relay;
using GraphQL.Types;

namespace ConnectingNer.GraphQL;

/// <summary>The root query: <c>node</c>, <c>nodes</c> and every feature's <see cref="IQueryFields"/>.</summary>
public sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";
        Description = "Everything a client can read.";
        NodeResolvers.AddFieldsTo(this);
        foreach (var fields in Features.All<IQueryFields>()) fields.AddTo(this);
    }
}
