using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Retention.Commands;
using ConnectingNer.Application.Retention.Queries;
using ConnectingNer.Application.Retention.ReadModels;
using ConnectingNer.GraphQL.Common;
using ConnectingNer.GraphQL.Customers.Types;
using GraphQL;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Retention;

/// <summary>The retention rules and their last runs, for the privacy officer.</summary>
public sealed class RetentionQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query) => query.Field<ListGraphType<NonNullGraphType<RetentionRuleType>>>("retentionRules")
        .Description("How long each kind of data is kept and why, with what the daily job last removed. For the privacy officer.")
        .AuthorizeWithPolicy(Policies.PrivacyOfficer)
        .ResolveAsync(async ctx => await ctx.Sender().Send(new ListRetentionRulesQuery(), ctx.CancellationToken));
}

/// <summary>Legal holds, placed and released by the privacy officer.</summary>
public sealed class RetentionMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<LegalHoldPayloadType>("placeLegalHold")
            .Description("Places a legal hold on a customer's data: the retention job deletes nothing of theirs while it stands. For the privacy officer.")
            .Argument<NonNullGraphType<IdGraphType>>("customerId", "The customer's global id.")
            .Argument<NonNullGraphType<StringGraphType>>("reason", "Why (a court order, an investigation), at most 500 characters.")
            .AuthorizeWithPolicy(Policies.PrivacyOfficer)
            .ResolveAsync(async ctx =>
            {
                var customer = GlobalIds.Guid(ctx.GetArgument<string>("customerId"), CustomerType.TypeName, "customerId");
                if (!customer.IsSuccess) return Payload<LegalHoldReadModel>.Failure(customer.Errors);
                return Payload<LegalHoldReadModel>.From(await ctx.Sender().Send(
                    new PlaceLegalHoldCommand(customer.Value, ctx.GetArgument<string>("reason")), ctx.CancellationToken));
            });

        mutation.Field<LegalHoldPayloadType>("releaseLegalHold")
            .Description("Releases a legal hold. For the privacy officer.")
            .Argument<NonNullGraphType<IdGraphType>>("holdId", "The hold's global id.")
            .AuthorizeWithPolicy(Policies.PrivacyOfficer)
            .ResolveAsync(async ctx =>
            {
                var hold = GlobalIds.Int(ctx.GetArgument<string>("holdId"), "LegalHold", "holdId");
                if (!hold.IsSuccess) return Payload<LegalHoldReadModel>.Failure(hold.Errors);
                return Payload<LegalHoldReadModel>.From(await ctx.Sender().Send(new ReleaseLegalHoldCommand(hold.Value), ctx.CancellationToken));
            });
    }
}
