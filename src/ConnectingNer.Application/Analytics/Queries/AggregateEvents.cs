using ConnectingNer.Application.Analytics.ReadModels;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Domain.Common;
using Mediator;

namespace ConnectingNer.Application.Analytics.Queries;

/// <summary>
/// For the analytics partner: events counted by day and type (and product), never a person. A group of fewer than
/// <see cref="AggregateEventsQueryHandler.MinimumGroupSize"/> people is left out (only how many were left out is said),
/// so that no one can be singled out by a small group.
/// </summary>
[Authorize(Policies.AnalyticsAggregate)]
public sealed record AggregateEventsQuery(DateTimeOffset From, DateTimeOffset To, bool ByProduct) : IQuery<Result<EventAggregatesReadModel>>;

public sealed class AggregateEventsQueryHandler(IEventAggregates aggregates, TimeProvider clock)
    : IQueryHandler<AggregateEventsQuery, Result<EventAggregatesReadModel>>
{
    public const int MinimumGroupSize = 10;
    public const int MaxDays = 92;
    public const int MaxDaysByProduct = 31;

    public async ValueTask<Result<EventAggregatesReadModel>> Handle(AggregateEventsQuery query, CancellationToken cancellationToken)
    {
        var days = query.ByProduct ? MaxDaysByProduct : MaxDays;
        if (query.To <= query.From || query.To - query.From > TimeSpan.FromDays(days) || query.From > clock.GetUtcNow())
            return new Error("aggregates.range_invalid", $"Ask for a period that has begun, `from` before `to`, at most {days} days.", "to");
        var groups = await aggregates.GroupAsync(query.From, query.To, query.ByProduct, cancellationToken);
        var kept = groups.Where(g => g.People >= MinimumGroupSize).ToList();
        return Result.Success(new EventAggregatesReadModel(kept, groups.Count - kept.Count, MinimumGroupSize));
    }
}
