using ConnectingNer.Application.Analytics.Commands;
using ConnectingNer.Application.Analytics.ReadModels;
using ConnectingNer.Domain.Common;
using ConnectingNer.GraphQL.Analytics.Types;
using ConnectingNer.GraphQL.Catalog.Types;
using ConnectingNer.GraphQL.Common;
using GraphQL;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Analytics;

/// <summary>Clickstream, stored only with analytics consent.</summary>
public sealed class AnalyticsMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<RecordEventsPayloadType>("recordEvents")
            .Description("Views, searches and cart additions. Stored only while analytics consent holds for you (signed in) or the device; "
                + "otherwise nothing is stored and `dropped` says how many. No sign-in needed.")
            .Argument<NonNullGraphType<RecordEventsInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<RecordEventsInput>("input");
                var events = input.Events.Select((e, i) => (Event: e, Product: GlobalIds.OptionalInt(e.ProductId, ProductType.TypeName, $"events[{i}].productId"))).ToList();
                Error[] invalid = [.. events.SelectMany(e => e.Product.Errors)];
                if (invalid.Length > 0) return Payload<EventsRecordedReadModel>.Failure(invalid);
                return Payload<EventsRecordedReadModel>.From(await ctx.Sender().Send(new RecordEventsCommand(input.DeviceId,
                    [.. events.Select(e => new EventInput(e.Event.Type, e.Product.Value, e.Event.Query, e.Event.OccurredAt))]), ctx.CancellationToken));
            });
    }
}
