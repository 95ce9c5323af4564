using ConnectingNer.Application.Retention.ReadModels;
using ConnectingNer.Domain.Retention;
using ConnectingNer.GraphQL.Common;
using ConnectingNer.GraphQL.Customers.Types;
using ConnectingNer.GraphQL.Server.Execution;
using ConnectingNer.GraphQL.Server.Relay;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Retention;

public sealed class RetentionActionType : EnumerationGraphType<RetentionAction>
{
    public RetentionActionType()
    {
        Name = "RetentionAction";
        Description = "DELETE once the period has passed (the daily job), or KEEP_AT_LEAST as long as the law asks.";
    }
}

public sealed class RetentionRuleType : ObjectGraphType<RetentionRuleReadModel>
{
    public RetentionRuleType()
    {
        Name = "RetentionRule";
        Description = "How long one kind of data is kept, from which event, and why; and what the daily job last removed (counts only).";
        Field(r => r.Code).Description("The rule's code.");
        Field(r => r.What).Description("The data it covers.");
        Field(r => r.Months).Description("Months of the period.");
        Field(r => r.Days).Description("Days of the period (added to the months).");
        Field(r => r.FromEvent).Description("What the period runs from.");
        Field(r => r.LegalBasis).Description("Why this long.");
        Field<NonNullGraphType<RetentionActionType>>("action").Description("What happens when the period has passed.").ResolveFromSource(source => source.Action);
        Field(r => r.LastRunAt, nullable: true).Description("When the job last applied it.");
        Field(r => r.LastDeleted, nullable: true).Description("How many rows that run deleted.");
        Field(r => r.LastHeld, nullable: true).Description("How many rows past their period that run kept because of a legal hold.");
    }
}

public sealed class LegalHoldType : ObjectGraphType<LegalHoldReadModel>
{
    public LegalHoldType()
    {
        Name = "LegalHold";
        Description = "A legal hold on a customer's data: nothing of theirs is deleted while it stands.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The hold's global id.").ResolveGlobalId(Name, source => source.Id);
        Field<NonNullGraphType<IdGraphType>>("customerId").Description("The customer's global id.")
            .ResolveFromSource(source => GlobalId.Encode(CustomerType.TypeName, source.CustomerId.ToString()));
        Field(h => h.Reason).Description("Why.");
        Field(h => h.PlacedBy).Description("The staff account that placed it.");
        Field(h => h.PlacedAt).Description("When.");
        Field(h => h.ReleasedAt, nullable: true).Description("When it was released.");
    }
}

public sealed class LegalHoldPayloadType() : PayloadType<LegalHoldType, LegalHoldReadModel>("LegalHoldPayload", "legalHold", "The hold, or why nothing changed.");
