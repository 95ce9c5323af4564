using ConnectingNer.Application.Privacy.ReadModels;
using ConnectingNer.GraphQL.Customers.Types;
using ConnectingNer.GraphQL.Server.Data.Filtering;
using ConnectingNer.GraphQL.Server.Data.Projection;
using ConnectingNer.GraphQL.Server.Data.Sorting;
using ConnectingNer.GraphQL.Server.Paging;
using ConnectingNer.GraphQL.Server.Relay;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Privacy.Types;

/// <summary>The fields a customer and the privacy officer both see of a disclosure.</summary>
internal static class DisclosureFields
{
    public static void AddShared(ObjectGraphType<DisclosureReadModel> type, string typeName)
    {
        type.Field<NonNullGraphType<IdGraphType>>("id").Description("The record's global id.").Resolve(ctx => GlobalId.Encode(typeName, ctx.Source.Id));
        type.Field(d => d.OccurredAt).Description("When.");
        type.Field(d => d.ClientId, nullable: true).Description("The application used, or the partner's client.");
        Strings(type, "actorRoles", nameof(DisclosureReadModel.ActorRoles), d => d.ActorRoles, "The roles of who saw it (e.g. `support`).");
        type.Field(d => d.Purpose).Description("The purpose declared, or implied by the role.");
        Strings(type, "categories", nameof(DisclosureReadModel.Categories), d => d.Categories, "The categories of data shown (e.g. `contact.email`).");
        Strings(type, "fields", nameof(DisclosureReadModel.Fields), d => d.Fields, "The fields shown.");
        type.Field(d => d.Masked).Description("True when only masked values were shown.");
    }

    public static void Strings(ObjectGraphType<DisclosureReadModel> type, string name, string member, Func<DisclosureReadModel, List<string>> read, string description) =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>(name).Description(description)
            .Projects(member).Resolve(ctx => read(ctx.Source));
}

/// <summary>A disclosure as the customer sees it: who (by role or partner), why, what — not the staff member's identity.</summary>
public sealed class DataDisclosureType : ObjectGraphType<DisclosureReadModel>
{
    public DataDisclosureType()
    {
        Name = "DataDisclosure";
        Description = "Someone other than you was shown some of your personal data.";
        DisclosureFields.AddShared(this, Name);
    }
}

/// <summary>A disclosure with everything on record, for the privacy officer.</summary>
public sealed class AuditEventType : ObjectGraphType<DisclosureReadModel>
{
    public AuditEventType()
    {
        Name = "AuditEvent";
        Description = "A recorded disclosure of a customer's personal data (append-only).";
        DisclosureFields.AddShared(this, Name);
        Field(d => d.ActorSubject).Description("Who: the staff account's id or the partner's client id.");
        DisclosureFields.Strings(this, "actorScopes", nameof(DisclosureReadModel.ActorScopes), d => d.ActorScopes, "The token's scopes.");
        Field<NonNullGraphType<IdGraphType>>("customerId").Description("Whose data: the customer's global id.")
            .Projects(nameof(DisclosureReadModel.SubjectId)).Resolve(ctx => GlobalId.Encode(CustomerType.TypeName, ctx.Source.SubjectId.ToString()));
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
