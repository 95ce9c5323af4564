using ConnectingNer.Domain.Analytics;

namespace ConnectingNer.Application.Analytics;

/// <summary>One group of events: a day (India Standard Time), a type, a product when grouped by product; how many events and people.</summary>
public sealed record EventGroup(DateOnly Day, ShopEventType Type, int? ProductId, int Events, int People);

/// <summary>Counts events by group in the database; no row leaves it with a person in it.</summary>
public interface IEventAggregates
{
    Task<IReadOnlyList<EventGroup>> GroupAsync(DateTimeOffset from, DateTimeOffset to, bool byProduct, CancellationToken cancellationToken);
}
