using ConnectingNer.Application.PrivacyRequests.ReadModels;
using ConnectingNer.Domain.PrivacyRequests;
using ConnectingNer.GraphQL.Common;
using ConnectingNer.GraphQL.Customers.Types;
using ConnectingNer.GraphQL.Server.Data.Filtering;
using ConnectingNer.GraphQL.Server.Data.Projection;
using ConnectingNer.GraphQL.Server.Data.Sorting;
using ConnectingNer.GraphQL.Server.Execution;
using ConnectingNer.GraphQL.Server.Paging;
using ConnectingNer.GraphQL.Server.Relay;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.PrivacyRequests.Types;

public sealed class PrivacyRequestTypeType : EnumerationGraphType<PrivacyRequestType>
{
    public PrivacyRequestTypeType()
    {
        Name = "PrivacyRequestType";
        Description = "What a privacy request asks for.";
    }
}

public sealed class PrivacyRequestStatusType : EnumerationGraphType<PrivacyRequestStatus>
{
    public PrivacyRequestStatusType()
    {
        Name = "PrivacyRequestStatus";
        Description = "Where a privacy request is: RECEIVED → VERIFIED → IN_PROGRESS → COMPLETED, or REJECTED with a reason.";
    }
}

public sealed class PrivacyRegimeType : EnumerationGraphType<PrivacyRegime>
{
    public PrivacyRegimeType()
    {
        Name = "PrivacyRegime";
        Description = "The law whose clock the request runs on: DPDP (India), or GDPR for customers with an address in the EU.";
    }
}

public sealed class PrivacyRequestStepType : ObjectGraphType<PrivacyRequestStepReadModel>
{
    public PrivacyRequestStepType()
    {
        Name = "PrivacyRequestStep";
        Description = "One step of a request, on record.";
        Field(s => s.At).Description("When.");
        Field(s => s.Actor).Description("`customer`, `system`, or `staff:<id>`.");
        Field<PrivacyRequestStatusType>("from").Description("The status before (null for the first step).").ResolveFromSource(source => source.From);
        Field<NonNullGraphType<PrivacyRequestStatusType>>("to").Description("The status after.").ResolveFromSource(source => source.To);
        Field(s => s.Note, nullable: true).Description("Why.");
    }
}

/// <summary>The fields the customer and the privacy officer both see.</summary>
public class PrivacyRequestGraphType : ObjectGraphType<PrivacyRequestReadModel>
{
    public const string TypeName = "PrivacyRequest";

    public PrivacyRequestGraphType() : this(TypeName, "A request about your personal data, and where it is.")
    {
    }

    protected PrivacyRequestGraphType(string name, string description)
    {
        Name = name;
        Description = description;
        Field<NonNullGraphType<IdGraphType>>("id").Description("The request's global id.").ResolveGlobalId(TypeName, source => source.Id);
        Field<NonNullGraphType<StringGraphType>>("reference").Description("The acknowledgement number to quote (`PR-2026-000042`).")
            .Projects(nameof(PrivacyRequestReadModel.Id), nameof(PrivacyRequestReadModel.ReceivedAt))
            .ResolveFromSource(source => PrivacyRequest.ReferenceOf(source.Id, source.ReceivedAt));
        Field<NonNullGraphType<PrivacyRequestTypeType>>("type").Description("What it asks for.").ResolveFromSource(source => source.Type);
        Field<NonNullGraphType<PrivacyRequestStatusType>>("status").Description("Where it is.").ResolveFromSource(source => source.Status);
        Field<NonNullGraphType<PrivacyRegimeType>>("regime").Description("Whose clock it runs on.").ResolveFromSource(source => source.Regime);
        Field(r => r.Subject, nullable: true).Description("Its subject line.");
        Field(r => r.Details, nullable: true).Description("What the customer wrote.");
        Field(r => r.ReceivedAt).Description("When it was received.");
        Field(r => r.DueAt).Description("When the answer is due.");
        Field<NonNullGraphType<BooleanGraphType>>("overdue").Description("True while it is open past its due date.")
            .Projects(nameof(PrivacyRequestReadModel.DueAt), nameof(PrivacyRequestReadModel.ClosedRank))
            .Resolve(ctx => ctx.Source.ClosedRank == 0 && ctx.Source.DueAt < DateTimeOffset.UtcNow);
        Field(r => r.ExtensionReason, nullable: true).Description("Why the due date was extended (GDPR), if it was.");
        Field(r => r.Resolution, nullable: true).Description("The answer (completed) or the reason (rejected).");
        Field(r => r.ClosedAt, nullable: true).Description("When it was completed or rejected.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("purposes")
            .Description("For a restriction or objection: the purposes it stops (empty: every purpose but essential processing).")
            .Projects(nameof(PrivacyRequestReadModel.Purposes)).ResolveFromSource(source => source.Purposes);
        Field(r => r.LiftedAt, nullable: true).Description("When the customer lifted their restriction or objection.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PrivacyRequestStepType>>>>("history").Description("Every step, oldest first.")
            .Projects(nameof(PrivacyRequestReadModel.History)).ResolveFromSource(source => source.History);
    }
}

/// <summary>A request in the privacy officer's queue: who asked and who handles it.</summary>
public sealed class QueuedPrivacyRequestType : PrivacyRequestGraphType
{
    public QueuedPrivacyRequestType() : base("QueuedPrivacyRequest", "A privacy request in the privacy officer's queue.")
    {
        Field<NonNullGraphType<IdGraphType>>("customerId").Description("The customer's global id.")
            .Projects(nameof(PrivacyRequestReadModel.CustomerId)).ResolveFromSource(source => GlobalId.Encode(CustomerType.TypeName, source.CustomerId.ToString()));
        Field(r => r.AssignedTo, nullable: true).Description("The staff account handling it.");
    }
}

public sealed class PrivacyRequestsConnectionType() : ConnectionGraphType<PrivacyRequestGraphType, PrivacyRequestReadModel>(
    "PrivacyRequestsConnection", "A privacy request.");

public sealed class QueuedPrivacyRequestsConnectionType() : ConnectionGraphType<QueuedPrivacyRequestType, PrivacyRequestReadModel>(
    "QueuedPrivacyRequestsConnection", "A privacy request in the queue.");

public sealed class PrivacyRequestStatusOperationFilterInputType() : EnumOperationFilterInputType<PrivacyRequestStatusType>("PrivacyRequestStatusOperationFilterInput");

public sealed class PrivacyRequestTypeOperationFilterInputType() : EnumOperationFilterInputType<PrivacyRequestTypeType>("PrivacyRequestTypeOperationFilterInput");

public sealed class PrivacyRequestFilterInputType : FilterInputGraphType<PrivacyRequestReadModel>
{
    public PrivacyRequestFilterInputType() : base("PrivacyRequestFilterInput", "Conditions on privacy requests.")
    {
        FilterEnum<PrivacyRequestStatus, PrivacyRequestStatusOperationFilterInputType>("status", r => r.Status, "Where it is.");
        FilterEnum<PrivacyRequestType, PrivacyRequestTypeOperationFilterInputType>("type", r => r.Type, "What it asks for.");
        Filter("dueAt", r => r.DueAt, "When the answer is due.");
        Filter("receivedAt", r => r.ReceivedAt, "When it was received.");
    }
}

public sealed class PrivacyRequestSortInputType : SortInputGraphType<PrivacyRequestReadModel>
{
    public PrivacyRequestSortInputType() : base("PrivacyRequestSortInput", "A key to order privacy requests by.")
    {
        Sort("dueAt", r => r.DueAt, "By due date.");
        Sort("receivedAt", r => r.ReceivedAt, "By when it was received.");
    }
}

public sealed class PrivacyRequestPayloadType() : PayloadType<PrivacyRequestGraphType, PrivacyRequestReadModel>(
    "PrivacyRequestPayload", "privacyRequest", "The request as it now is, or why nothing changed.");
