using ConnectingNer.Application.Customers;
using ConnectingNer.GraphQL.Server.Data.Filtering;
using ConnectingNer.GraphQL.Server.Data.Projection;
using ConnectingNer.GraphQL.Server.Data.Sorting;
using ConnectingNer.GraphQL.Server.Paging;
using ConnectingNer.GraphQL.Server.Relay;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Customers;

/// <summary>A disclosure as the customer sees it: who (by role or partner), why, what — not the staff member's identity.</summary>
public sealed class DataDisclosureType : ObjectGraphType<DisclosureReadModel>
{
    public DataDisclosureType()
    {
        Name = "DataDisclosure";
        Description = "Someone other than you was shown some of your personal data.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The record's global id.").Resolve(ctx => GlobalId.Encode("DataDisclosure", ctx.Source.Id));
        Field(d => d.OccurredAt).Description("When.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("actorRoles").Description("The roles of who saw it (e.g. `support`).")
            .Projects(nameof(DisclosureReadModel.ActorRoles)).Resolve(ctx => ctx.Source.ActorRoles);
        Field(d => d.ClientId, nullable: true).Description("The application they used, or the partner's client.");
        Field(d => d.Purpose).Description("The purpose declared or implied by their role.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("categories").Description("The categories of data shown (e.g. `contact.email`).")
            .Projects(nameof(DisclosureReadModel.Categories)).Resolve(ctx => ctx.Source.Categories);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("fields").Description("The fields shown.")
            .Projects(nameof(DisclosureReadModel.Fields)).Resolve(ctx => ctx.Source.Fields);
        Field(d => d.Masked).Description("True when only masked values were shown.");
    }
}

/// <summary>A disclosure with everything on record, for the privacy officer.</summary>
public sealed class AuditEventType : ObjectGraphType<DisclosureReadModel>
{
    public AuditEventType()
    {
        Name = "AuditEvent";
        Description = "A recorded disclosure of a customer's personal data (append-only).";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The record's global id.").Resolve(ctx => GlobalId.Encode("AuditEvent", ctx.Source.Id));
        Field(d => d.OccurredAt).Description("When.");
        Field(d => d.ActorSubject).Description("Who: the staff account's id or the partner's client id.");
        Field(d => d.ClientId, nullable: true).Description("The application used.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("actorRoles").Description("The actor's roles.")
            .Projects(nameof(DisclosureReadModel.ActorRoles)).Resolve(ctx => ctx.Source.ActorRoles);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("actorScopes").Description("The token's scopes.")
            .Projects(nameof(DisclosureReadModel.ActorScopes)).Resolve(ctx => ctx.Source.ActorScopes);
        Field(d => d.Purpose).Description("The purpose.");
        Field<NonNullGraphType<IdGraphType>>("customerId").Description("Whose data: the customer's global id.")
            .Projects(nameof(DisclosureReadModel.SubjectId)).Resolve(ctx => GlobalId.Encode(CustomerType.TypeName, ctx.Source.SubjectId.ToString()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("categories").Description("The categories shown.")
            .Projects(nameof(DisclosureReadModel.Categories)).Resolve(ctx => ctx.Source.Categories);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("fields").Description("The fields shown.")
            .Projects(nameof(DisclosureReadModel.Fields)).Resolve(ctx => ctx.Source.Fields);
        Field(d => d.Masked).Description("True when only masked values were shown.");
        Field(d => d.OperationName, nullable: true).Description("The GraphQL operation's name.");
        Field(d => d.DocumentHash).Description("SHA-256 of the GraphQL document.");
    }
}

public sealed class DataDisclosuresConnectionType() : ConnectionGraphType<DataDisclosureType, DisclosureReadModel>("DataDisclosuresConnection", "A disclosure.");

public sealed class AuditEventsConnectionType() : ConnectionGraphType<AuditEventType, DisclosureReadModel>("AuditEventsConnection", "An audit event.");

public sealed class AuditEventFilterInputType : FilterInputGraphType<DisclosureReadModel>
{
    public AuditEventFilterInputType() : base("AuditEventFilterInput", "Conditions on audit events.")
    {
        Filter("occurredAt", d => d.OccurredAt, "When.");
        Filter("actorSubject", d => d.ActorSubject, "Who.");
        Filter("purpose", d => d.Purpose, "The purpose.");
        Filter("operationName", d => d.OperationName, "The operation's name.");
        FilterList("categories", d => d.Categories, "The categories shown.");
    }
}

public sealed class AuditEventSortInputType : SortInputGraphType<DisclosureReadModel>
{
    public AuditEventSortInputType() : base("AuditEventSortInput", "A key to order audit events by.")
    {
        Sort("occurredAt", d => d.OccurredAt, "By time.");
    }
}
