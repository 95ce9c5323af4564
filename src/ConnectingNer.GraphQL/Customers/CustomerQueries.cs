using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Customers.Queries;
using ConnectingNer.Application.Customers.ReadModels;
using ConnectingNer.GraphQL.Common;
using ConnectingNer.GraphQL.Customers.Types;
using ConnectingNer.GraphQL.Server.Data;
using ConnectingNer.GraphQL.Server.Data.Sorting;
using ConnectingNer.GraphQL.Server.Errors;
using ConnectingNer.GraphQL.Server.Paging;
using ConnectingNer.GraphQL.Server.Relay;
using GraphQL;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Customers;

/// <summary>The customer's own profile (<c>me</c>) and the staff's customer lookups; each translates its arguments into one request.</summary>
public sealed class CustomerQueries : IQueryFields, INodeSource
{
    private static readonly IReadOnlyList<SortKey> NewestFirst =
        [new SortKey((System.Linq.Expressions.Expression<Func<CustomerIndexRow, int>>)(r => r.Id), Descending: true)];

    public void AddTo(ObjectGraphType query)
    {
        query.Field<CustomerType>("me")
            .Description("The signed-in customer; null for a partner's token. Needs a signed-in caller.")
            .Authorize()
            .ResolveAsync(async ctx => await ctx.Sender().Send(new GetMyCustomerIdQuery(), ctx.CancellationToken) is { } id
                ? new CustomerIndexRow { SubjectId = id }
                : null);

        query.Field<CustomerType>("customer")
            .Description("A customer by global id, for support staff and the privacy officer; personal fields as their role allows.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The customer's global id.")
            .AuthorizeWithPolicy(Policies.CustomerLookup)
            .ResolveAsync(async ctx =>
            {
                var found = GlobalId.TryDecodeGuid(ctx.GetArgument<string>("id"), CustomerType.TypeName, out var id)
                    ? (await ctx.Sender().Send(new FindCustomerRowsQuery([id]), ctx.CancellationToken)).GetValueOrDefault(id)
                    : null;
                return found ?? throw new CodedError(ErrorCodes.NotFound, "No customer has this id.");
            });

        query.Field<CustomersConnectionType>("customers")
            .Description("Customers, newest first unless ordered otherwise, for support staff and the privacy officer. Personal data is "
                + "encrypted, so lists filter on account facts only; `email` finds one customer by exact address.")
            .Argument<StringGraphType>("email", "An exact email address (any letter case).")
            .DataFeatures<object?, object, CustomerFilterInputType, CustomerSortInputType>()
            .AuthorizeWithPolicy(Policies.CustomerLookup)
            .ResolveAsync(async ctx =>
            {
                var rows = await ctx.Sender().Send(new ListCustomersQuery(ctx.GetArgument<string?>("email")), ctx.CancellationToken);
                return await ctx.ToConnectionAsync(rows, r => r.Id, NewestFirst);
            });
    }

    /// <summary>Customers by global id: the query returns only those the caller may reach (themselves, or anyone for staff).</summary>
    public void AddTo(NodeResolvers nodes) => nodes
        .Register(CustomerType.TypeName, async (IResolveFieldContext ctx, IReadOnlyList<Guid> ids) =>
            (await ctx.Sender().Send(new FindCustomerRowsQuery(ids), ctx.CancellationToken)).ToDictionary(p => p.Key, p => (object)p.Value));
}
