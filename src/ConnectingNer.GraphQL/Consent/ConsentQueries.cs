using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Consent.Queries;
using ConnectingNer.Application.Consent.ReadModels;
using ConnectingNer.GraphQL.Common;
using ConnectingNer.GraphQL.Consent.Types;
using ConnectingNer.GraphQL.Server.Data;
using ConnectingNer.GraphQL.Server.Data.Sorting;
using ConnectingNer.GraphQL.Server.Paging;
using GraphQL;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Consent;

/// <summary>Purposes, the policy, a person's or device's consent, its history, and receipt checks.</summary>
public sealed class ConsentQueries : IQueryFields
{
    private static readonly IReadOnlyList<SortKey> NewestFirst =
        [new SortKey((System.Linq.Expressions.Expression<Func<ConsentRecordReadModel, int>>)(r => r.Id), Descending: true)];

    public void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ConsentPurposeType>>>>("consentPurposes")
            .Description("Every purpose for which the shop processes personal data, as the consent banner shows them.")
            .ResolveAsync(async ctx => await ctx.Sender().Send(new ListConsentPurposesQuery(), ctx.CancellationToken));

        query.Field<ListGraphType<NonNullGraphType<ConsentType>>>("myConsents")
            .Description("Your consent now, one entry per purpose. Needs a signed-in customer.")
            .Authorize()
            .ResolveAsync(async ctx => (await ctx.Sender().Send(new GetMyConsentsQuery(), ctx.CancellationToken))?.Decisions);

        query.Field<ConsentRecordsConnectionType>("myConsentHistory")
            .Description("Every consent decision you made, newest first. Needs a signed-in customer.")
            .PagingArguments()
            .Authorize()
            .ResolveAsync(async ctx => await ctx.ToConnectionAsync(
                await ctx.Sender().Send(new ListMyConsentHistoryQuery(), ctx.CancellationToken), r => r.Id, NewestFirst));

        query.Field<NonNullGraphType<ConsentModeStateType>>("consentModeState")
            .Description("A device's consent as Google Consent Mode v2 keys; signed in, your own consent. No sign-in needed.")
            .Argument<NonNullGraphType<StringGraphType>>("deviceId", "The device's id (a random version 4 UUID).")
            .ResolveAsync(async ctx =>
                (await ctx.Sender().Send(new GetConsentModeStateQuery(ctx.GetArgument<string>("deviceId")), ctx.CancellationToken)).ValueOrThrow());

        query.Field<NonNullGraphType<PrivacyPolicyType>>("privacyPolicy")
            .Description("The privacy policy in force.")
            .ResolveAsync(async ctx => await ctx.Sender().Send(new GetPrivacyPolicyQuery(), ctx.CancellationToken));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PrivacyPolicyType>>>>("privacyPolicyVersions")
            .Description("Every published version of the privacy policy, newest first.")
            .ResolveAsync(async ctx => await ctx.Sender().Send(new ListPrivacyPolicyVersionsQuery(), ctx.CancellationToken));

        query.Field<NewsletterAudienceType>("newsletterAudience")
            .Description("For a marketing partner (scope `marketing:send`): who may be sent the newsletter now, with each one's unsubscribe link. "
                + "Every address shown is recorded as a disclosure.")
            .Argument<IntGraphType>("first", $"How many, 1 to {ListNewsletterAudienceQueryHandler.MaxFirst} (default 100).")
            .Argument<StringGraphType>("after", "The previous page's `endCursor`.")
            .AuthorizeWithPolicy(Policies.MarketingSend)
            .ResolveAsync(async ctx => (await ctx.Sender().Send(
                new ListNewsletterAudienceQuery(ctx.GetArgument("first", 100), ctx.GetArgument<string?>("after")), ctx.CancellationToken)).ValueOrThrow());

        query.Field<NonNullGraphType<ConsentReceiptVerificationType>>("verifyConsentReceipt")
            .Description("Checks a consent receipt: whether the shop signed it, and what it states.")
            .Argument<NonNullGraphType<StringGraphType>>("receipt", "The receipt (a compact JWS).")
            .ResolveAsync(async ctx => await ctx.Sender().Send(new VerifyConsentReceiptQuery(ctx.GetArgument<string>("receipt")), ctx.CancellationToken));
    }
}
