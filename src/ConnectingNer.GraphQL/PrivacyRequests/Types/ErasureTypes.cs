using ConnectingNer.Application.PrivacyRequests;
using ConnectingNer.GraphQL.Common;
using ConnectingNer.GraphQL.Customers.Types;
using ConnectingNer.GraphQL.Server.Execution;
using ConnectingNer.GraphQL.Server.Relay;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.PrivacyRequests.Types;

public sealed class ErasureItemType : ObjectGraphType<ErasureItem>
{
    public ErasureItemType()
    {
        Name = "ErasureItem";
        Description = "Something an erasure deletes.";
        Field(i => i.Category).Description("A stable code (`profile`, `addresses`, `events`, …).");
        Field(i => i.Description).Description("What it is, in words.");
        Field(i => i.Count).Description("How many there are now.");
    }
}

public sealed class ErasureKeptItemType : ObjectGraphType<ErasureKeptItem>
{
    public ErasureKeptItemType()
    {
        Name = "ErasureKeptItem";
        Description = "Something an erasure must keep, why, and until when.";
        Field(i => i.Category).Description("A stable code (`invoices`, `consent_records`, `disclosure_ledger`, `privacy_requests`, `open_orders`).");
        Field(i => i.Description).Description("What is kept, in words.");
        Field(i => i.Count).Description("How many.");
        Field(i => i.Reason).Description("Why it must be kept (the law, or an open order).");
        Field(i => i.Until, nullable: true).Description("Until when at least; null: as long as the reason lasts.");
    }
}

public sealed class ErasureBlockerType : ObjectGraphType<ErasureBlocker>
{
    public ErasureBlockerType()
    {
        Name = "ErasureBlocker";
        Description = "What stops an erasure now.";
        Field(b => b.Code).Description("`erasure.legal_hold` or `erasure.open_orders`: the code `requestErasure` would answer with.");
        Field(b => b.Message).Description("Why, in words.");
    }
}

public sealed class ErasurePreviewType : ObjectGraphType<ErasurePreview>
{
    public ErasurePreviewType()
    {
        Name = "ErasurePreview";
        Description = "What erasing your account would do, now: what is deleted, what must be kept and why, and what stops it.";
        Field(p => p.CanErase).Description("True when `requestErasure` would go ahead now.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ErasureItemType>>>>("deleted").Description("What is deleted.")
            .ResolveFromSource(source => source.Deleted);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ErasureKeptItemType>>>>("kept").Description("What must be kept, why and until when.")
            .ResolveFromSource(source => source.Kept);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ErasureBlockerType>>>>("blockers").Description("What stops the erasure now.")
            .ResolveFromSource(source => source.Blockers);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("partnersNotified")
            .Description("The partners who were shown your data and will be told to erase it.").ResolveFromSource(source => source.PartnersNotified);
    }
}

public sealed class ErasureNoticeType : ObjectGraphType<ErasureNoticeReadModel>
{
    public const string TypeName = "ErasureNotice";

    public ErasureNoticeType()
    {
        Name = TypeName;
        Description = "A customer you were shown was erased: erase your copy, then acknowledge the notice.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The notice's global id.").ResolveGlobalId(TypeName, source => source.Id);
        Field<IdGraphType>("customerId").Description("The erased customer's global id, until you acknowledge the notice.")
            .ResolveFromSource(source => source.CustomerId is { } id ? GlobalId.Encode(CustomerType.TypeName, id.ToString()) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("orderNumbers").Description("Their orders you handled.")
            .ResolveFromSource(source => source.OrderNumbers);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("categories")
            .Description("The data categories you were shown (`address.postal`, `contact.email`, …).").ResolveFromSource(source => source.Categories);
        Field(n => n.ErasedAt).Description("When the customer was erased.");
        Field(n => n.AcknowledgedAt, nullable: true).Description("When you acknowledged it.");
    }
}

public sealed class ErasureNoticePayloadType() : PayloadType<ErasureNoticeType, ErasureNoticeReadModel>(
    "ErasureNoticePayload", "erasureNotice", "The notice as it now is, or why nothing changed.");

public sealed class RequestWithoutAccountPayloadType() : OutcomePayloadType("RequestWithoutAccountPayload",
    "Whether the request was taken (a link goes to the address if we hold it), or why not.", "sent",
    "True when the request was taken; it does not say whether we hold the address.");
