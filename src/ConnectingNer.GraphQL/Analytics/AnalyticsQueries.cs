using ConnectingNer.Application.Analytics.Queries;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.GraphQL.Analytics.Types;
using ConnectingNer.GraphQL.Common;
using GraphQL;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Analytics;

/// <summary>Recommendations that use a person's history only with their consent.</summary>
public sealed class AnalyticsQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field<EventAggregatesType>("eventAggregates")
            .Description("For the analytics partner (scope `analytics:aggregate`): events counted by day and type (and product), groups of "
                + $"fewer than {AggregateEventsQueryHandler.MinimumGroupSize} people left out. Never a person, a device or a search text.")
            .Argument<NonNullGraphType<DateTimeOffsetGraphType>>("from", "The period's start (inclusive).")
            .Argument<NonNullGraphType<DateTimeOffsetGraphType>>("to",
                $"The period's end (exclusive): at most {AggregateEventsQueryHandler.MaxDays} days after `from`, {AggregateEventsQueryHandler.MaxDaysByProduct} by product.")
            .Argument<BooleanGraphType>("byProduct", "Also group by product (default false).")
            .AuthorizeWithPolicy(Policies.AnalyticsAggregate)
            .ResolveAsync(async ctx => (await ctx.Sender().Send(new AggregateEventsQuery(ctx.GetArgument<DateTimeOffset>("from"),
                ctx.GetArgument<DateTimeOffset>("to"), ctx.GetArgument("byProduct", false)), ctx.CancellationToken)).ValueOrThrow());

        query.Field<NonNullGraphType<RecommendationsType>>("recommendedProducts")
            .Description("Products for you: from your own history when you consented to personalisation, else the best sellers (`basis` says which).")
            .Argument<IntGraphType>("first", $"How many, 1 to {RecommendProductsQueryHandler.MaxFirst} (default 10).")
            .Argument<StringGraphType>("deviceId", "For a visitor who is not signed in: the device's id, whose consent and history count.")
            .ResolveAsync(async ctx =>
                (await ctx.Sender().Send(new RecommendProductsQuery(ctx.GetArgument<string?>("deviceId"), ctx.GetArgument("first", 10)),
                    ctx.CancellationToken)).ValueOrThrow());
    }
}
