using ConnectingNer.GraphQL.Catalog;
using ConnectingNer.GraphQL.Server.Relay;
using GraphQL.Types;

namespace ConnectingNer.GraphQL;

public sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";
        Description = "Everything a client can read.";
        NodeResolvers.AddFieldsTo(this);
        CatalogQueries.AddTo(this);
        Customers.CustomerFields.AddQueries(this);
        Customers.CustomerFields.AddDisclosureQueries(this);
    }
}
