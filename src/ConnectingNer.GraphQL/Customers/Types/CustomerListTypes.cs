using ConnectingNer.Application.Customers.ReadModels;
using ConnectingNer.GraphQL.Server.Data.Filtering;
using ConnectingNer.GraphQL.Server.Data.Sorting;
using ConnectingNer.GraphQL.Server.Paging;

namespace ConnectingNer.GraphQL.Customers.Types;

public sealed class CustomersConnectionType() : ConnectionGraphType<CustomerType, CustomerIndexRow>("CustomersConnection", "A customer.");

/// <summary>What staff lists filter on: account facts only (personal data is encrypted and cannot be searched).</summary>
public sealed class CustomerFilterInputType : FilterInputGraphType<CustomerIndexRow>
{
    public CustomerFilterInputType() : base("CustomerFilterInput", "Conditions on customers' account facts.")
    {
        Filter("createdAt", c => c.CreatedAt, "When the account was opened.");
    }
}

public sealed class CustomerSortInputType : SortInputGraphType<CustomerIndexRow>
{
    public CustomerSortInputType() : base("CustomerSortInput", "A key to order customers by.")
    {
        Sort("createdAt", c => c.CreatedAt, "By when the account was opened.");
    }
}
