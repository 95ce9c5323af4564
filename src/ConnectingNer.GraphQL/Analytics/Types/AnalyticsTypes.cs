using ConnectingNer.Application.Analytics.Commands;
using ConnectingNer.Application.Analytics.ReadModels;
using ConnectingNer.Domain.Analytics;
using ConnectingNer.GraphQL.Catalog.Types;
using ConnectingNer.GraphQL.Common;
using ConnectingNer.GraphQL.Consent.Types;
using ConnectingNer.GraphQL.Server.Execution;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Analytics.Types;

public sealed class ShopEventTypeType : EnumerationGraphType<ShopEventType>
{
    public ShopEventTypeType()
    {
        Name = "ShopEventType";
        Description = "What a person did.";
    }
}

public sealed record ShopEventInput(ShopEventType Type, string? ProductId, string? Query, DateTimeOffset OccurredAt);

public sealed class ShopEventInputType : InputObjectGraphType<ShopEventInput>
{
    public ShopEventInputType()
    {
        Name = "ShopEventInput";
        Description = "One thing a person did, as it happened.";
        Field<NonNullGraphType<ShopEventTypeType>>("type").Description("What.");
        Field<IdGraphType>("productId").Description("The product viewed or added to the cart (required for those).");
        Field<StringGraphType>("query").Description($"What was searched for (required for `SEARCHED`), at most {ShopEvent.QueryMaxLength} characters.");
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("occurredAt").Description("When: not in the future, and no older than a day.");
    }
}

public sealed record RecordEventsInput(string? DeviceId, IReadOnlyList<ShopEventInput> Events);

public sealed class RecordEventsInputType : InputObjectGraphType<RecordEventsInput>
{
    public RecordEventsInputType()
    {
        Name = "RecordEventsInput";
        Description = "A batch of events from one device or signed-in customer.";
        Field<StringGraphType>("deviceId").Description("The device's id (a random version 4 UUID); required when not signed in.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ShopEventInputType>>>>("events")
            .Description($"1 to {RecordEventsCommandHandler.MaxEvents} events.");
    }
}

public sealed class RecordEventsPayloadType : ObjectGraphType<Payload<EventsRecordedReadModel>>
{
    public RecordEventsPayloadType()
    {
        Name = "RecordEventsPayload";
        Description = "How many events were stored, and how many dropped because analytics consent does not hold.";
        Field<IntGraphType>("stored").Description("Events stored (all of the batch, or none).").ResolveFromSource(source => source.Value?.Stored);
        Field<IntGraphType>("dropped").Description("Events not stored: there is no analytics consent for this person or device.")
            .ResolveFromSource(source => source.Value?.Dropped);
        Field<ConsentSuspensionType>("suspendedBecause").Description("Why analytics consent that was granted does not hold, if that is why.")
            .ResolveFromSource(source => source.Value?.SuspendedBecause);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("errors").Description("Why the batch was refused; empty otherwise.")
            .ResolveFromSource(source => source.Errors);
    }
}

public sealed class RecommendationBasisType : EnumerationGraphType<RecommendationBasis>
{
    public RecommendationBasisType()
    {
        Name = "RecommendationBasis";
        Description = "What recommendations are based on.";
    }
}

public sealed class RecommendationsType : ObjectGraphType<RecommendationsReadModel>
{
    public RecommendationsType()
    {
        Name = "Recommendations";
        Description = "Recommended products, and whether they come from your own history or from what is popular.";
        Field<NonNullGraphType<RecommendationBasisType>>("basis")
            .Description("`PERSONAL` from your own history (you consented to personalisation), else `POPULAR`.").ResolveFromSource(source => source.Basis);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductType>>>>("products").Description("The products.").ResolveFromSource(source => source.Products);
    }
}

public sealed class EventAggregateType : ObjectGraphType<Application.Analytics.EventGroup>
{
    public EventAggregateType()
    {
        Name = "EventAggregate";
        Description = "How many events of a type, on a day (India Standard Time), by how many people; never who.";
        Field<NonNullGraphType<DateOnlyGraphType>>("day").Description("The day.").ResolveFromSource(source => source.Day);
        Field<NonNullGraphType<ShopEventTypeType>>("type").Description("What people did.").ResolveFromSource(source => source.Type);
        Field<IdGraphType>("productId").Description("The product's global id, when grouped by product (null for searches).")
            .ResolveFromSource(source => source.ProductId is { } id ? Server.Relay.GlobalId.Encode(ProductType.TypeName, id) : null);
        Field(g => g.Events).Description("How many events.");
        Field(g => g.People).Description("How many different people or devices (at least the minimum group size).");
    }
}

public sealed class EventAggregatesType : ObjectGraphType<EventAggregatesReadModel>
{
    public EventAggregatesType()
    {
        Name = "EventAggregates";
        Description = "Events counted by group. Groups of fewer people than `minimumGroupSize` are left out, so no one can be singled out.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EventAggregateType>>>>("groups").Description("The groups shown.")
            .ResolveFromSource(source => source.Groups);
        Field(a => a.SuppressedGroups).Description("How many groups were too small to show.");
        Field(a => a.MinimumGroupSize).Description("The fewest people a group shown has.");
    }
}
