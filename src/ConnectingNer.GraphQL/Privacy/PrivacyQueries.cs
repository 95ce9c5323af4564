using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Privacy.Queries;
using ConnectingNer.Application.Privacy.ReadModels;
using ConnectingNer.GraphQL.Common;
using ConnectingNer.GraphQL.Customers.Types;
using ConnectingNer.GraphQL.Privacy.Types;
using ConnectingNer.GraphQL.Server.Data;
using ConnectingNer.GraphQL.Server.Data.Sorting;
using ConnectingNer.GraphQL.Server.Paging;
using GraphQL;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Privacy;

/// <summary>The disclosure record: the customer's own view (DPDP Act §11) and the privacy officer's audit trail.</summary>
public sealed class PrivacyQueries : IQueryFields
{
    private static readonly IReadOnlyList<SortKey> NewestFirst =
        [new SortKey((System.Linq.Expressions.Expression<Func<DisclosureReadModel, int>>)(d => d.Id), Descending: true)];

    public void AddTo(ObjectGraphType query)
    {
        query.Field<DataDisclosuresConnectionType>("myDataDisclosures")
            .Description("Who was shown your personal data, when, why and what: newest first. Needs a signed-in customer.")
            .PagingArguments()
            .Authorize()
            .ResolveAsync(async ctx => await ctx.ToConnectionAsync(
                await ctx.Sender().Send(new ListMyDisclosuresQuery(), ctx.CancellationToken), d => d.Id, NewestFirst));

        query.Field<AuditEventsConnectionType>("auditEvents")
            .Description("Every recorded disclosure of personal data, for the privacy officer; `customerId` narrows it to one customer.")
            .Argument<IdGraphType>("customerId", "A customer's global id.")
            .DataFeatures<object?, object, AuditEventFilterInputType, AuditEventSortInputType>()
            .AuthorizeWithPolicy(Policies.PrivacyOfficer)
            .ResolveAsync(async ctx =>
            {
                Guid? customer = ctx.GetArgument<string?>("customerId") is { } value
                    ? GlobalIds.RequireGuid(value, CustomerType.TypeName, "customerId")
                    : null;
                return await ctx.ToConnectionAsync(
                    await ctx.Sender().Send(new ListAuditEventsQuery(customer), ctx.CancellationToken), d => d.Id, NewestFirst);
            });
    }
}
