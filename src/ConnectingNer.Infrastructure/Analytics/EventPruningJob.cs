using ConnectingNer.Application.Analytics;
using ConnectingNer.Domain.Analytics;
using ConnectingNer.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConnectingNer.Infrastructure.Analytics;

/// <summary>Deletes events older than 13 months (<see cref="ShopEvent.RetentionMonths"/>), every hour. Idempotent: safe on many nodes.</summary>
public sealed class EventPruningJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<EventPruningJob> logger)
    : HourlyPruningJob(clock, logger)
{
    public override async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var threshold = Clock.GetUtcNow().AddMonths(-ShopEvent.RetentionMonths);
        var deleted = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ShopEvents
            .Where(e => e.OccurredAt < threshold).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0) Logger.LogInformation("Deleted {Count} events that occurred before {Threshold}", deleted, threshold);
        return deleted;
    }
}
