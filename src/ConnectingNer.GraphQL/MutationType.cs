using ConnectingNer.GraphQL.Catalog;
using GraphQL.Types;

namespace ConnectingNer.GraphQL;

public sealed class MutationType : ObjectGraphType
{
    public MutationType()
    {
        Name = "Mutation";
        Description = "Everything a client can change. Each mutation takes one `input` and answers with a payload carrying `errors`.";
        CatalogMutations.AddTo(this);
        Accounts.AccountFields.AddMutations(this);
        Customers.CustomerFields.AddMutations(this);
    }
}
