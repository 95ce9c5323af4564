using ConnectingNer.Application.Analytics.Queries;
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
        query.Field<NonNullGraphType<RecommendationsType>>("recommendedProducts")
            .Description("Products for you: from your own history when you consented to personalisation, else the best sellers (`basis` says which).")
            .Argument<IntGraphType>("first", $"How many, 1 to {RecommendProductsQueryHandler.MaxFirst} (default 10).")
            .Argument<StringGraphType>("deviceId", "For a visitor who is not signed in: the device's id, whose consent and history count.")
            .ResolveAsync(async ctx =>
                (await ctx.Sender().Send(new RecommendProductsQuery(ctx.GetArgument<string?>("deviceId"), ctx.GetArgument("first", 10)),
                    ctx.CancellationToken)).ValueOrThrow());
    }
}
