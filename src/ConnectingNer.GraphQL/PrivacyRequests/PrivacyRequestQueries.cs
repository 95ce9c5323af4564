using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.PrivacyRequests.Commands;
using ConnectingNer.Application.PrivacyRequests.Queries;
using ConnectingNer.Application.PrivacyRequests.ReadModels;
using ConnectingNer.GraphQL.Common;
using ConnectingNer.GraphQL.PrivacyRequests.Types;
using ConnectingNer.GraphQL.Server.Data;
using ConnectingNer.GraphQL.Server.Data.Sorting;
using ConnectingNer.GraphQL.Server.Paging;
using GraphQL;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.PrivacyRequests;

/// <summary>A customer's own requests, and the privacy officer's queue (open first, the most overdue at the top).</summary>
public sealed class PrivacyRequestQueries : IQueryFields
{
    private static readonly IReadOnlyList<SortKey> NewestFirst =
        [new SortKey((System.Linq.Expressions.Expression<Func<PrivacyRequestReadModel, int>>)(r => r.Id), Descending: true)];

    private static readonly IReadOnlyList<SortKey> MostUrgentFirst =
    [
        new SortKey((System.Linq.Expressions.Expression<Func<PrivacyRequestReadModel, int>>)(r => r.ClosedRank), Descending: false),
        new SortKey((System.Linq.Expressions.Expression<Func<PrivacyRequestReadModel, DateTimeOffset>>)(r => r.DueAt), Descending: false),
    ];

    public void AddTo(ObjectGraphType query)
    {
        query.Field<PrivacyRequestsConnectionType>("myPrivacyRequests")
            .Description("Your privacy requests and grievances, newest first, with their answers. Needs a signed-in customer.")
            .PagingArguments()
            .Authorize()
            .ResolveAsync(async ctx => await ctx.ToConnectionAsync(
                await ctx.Sender().Send(new ListMyPrivacyRequestsQuery(), ctx.CancellationToken), r => r.Id, NewestFirst));

        query.Field<NominationType>("myNomination")
            .Description("Your nominee, if you named one. Needs a signed-in customer.")
            .Authorize()
            .ResolveAsync(async ctx => await ctx.Sender().Send(new GetMyNominationQuery(), ctx.CancellationToken));

        query.Field<ListGraphType<NonNullGraphType<DataExportType>>>("myDataExports")
            .Description("Your data exports whose download links still work, newest first (ask for one with `requestDataExport`). "
                + "Needs a signed-in customer.")
            .Authorize()
            .ResolveAsync(async ctx => await ctx.Sender().Send(new ListMyDataExportsQuery(), ctx.CancellationToken));

        query.Field<ErasurePreviewType>("previewErasure")
            .Description("What erasing your account would delete, what must be kept and why (GST invoices for 8 years, open orders until "
                + "delivered or cancelled, a legal hold), until when, and which partners will be told. Needs a signed-in customer.")
            .Authorize()
            .ResolveAsync(async ctx => await ctx.Sender().Send(new PreviewErasureQuery(), ctx.CancellationToken));

        query.Field<ListGraphType<NonNullGraphType<ErasureNoticeType>>>("erasureNotices")
            .Description("For a partner: the customers you were shown who have since been erased, oldest first (at most 500). Erase your copy, "
                + "then `acknowledgeErasureNotice`.")
            .Argument<BooleanGraphType>("includeAcknowledged", "Also the notices you acknowledged (default false).")
            .AuthorizeWithPolicy(Policies.Partner)
            .ResolveAsync(async ctx => await ctx.Sender().Send(new ListErasureNoticesQuery(ctx.GetArgument("includeAcknowledged", false)),
                ctx.CancellationToken));

        query.Field<QueuedPrivacyRequestsConnectionType>("privacyRequests")
            .Description("The privacy officer's queue: open requests first, the most overdue at the top, unless ordered otherwise.")
            .DataFeatures<object?, object, PrivacyRequestFilterInputType, PrivacyRequestSortInputType>()
            .AuthorizeWithPolicy(Policies.PrivacyOfficer)
            .ResolveAsync(async ctx => await ctx.ToConnectionAsync(
                await ctx.Sender().Send(new ListPrivacyRequestsQuery(), ctx.CancellationToken), r => r.Id, MostUrgentFirst));
    }
}
