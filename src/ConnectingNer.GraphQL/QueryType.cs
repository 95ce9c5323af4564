using ConnectingNer.GraphQL.Catalog;
using GraphQL.Types;

namespace ConnectingNer.GraphQL;

public sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";
        Description = "Everything a client can read.";
        CatalogQueries.AddTo(this);
    }
}
