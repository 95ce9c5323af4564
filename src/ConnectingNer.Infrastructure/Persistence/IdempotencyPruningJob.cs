using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ConnectingNer.Infrastructure.Persistence;

/// <summary>
/// Deletes idempotency records older than <see cref="Retention"/> (24 hours: a client retries within minutes, and the
/// records should not outlive their use), every hour. Safe on many nodes: the delete is idempotent.
/// </summary>
public sealed class IdempotencyPruningJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<IdempotencyPruningJob> logger) : BackgroundService
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: the host waits for this method's first await before it serves.
        await Task.Yield();
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await PruneAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Idempotency record pruning failed; it runs again at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass; returns how many records were deleted.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var threshold = clock.GetUtcNow() - Retention;
        var deleted = await scope.ServiceProvider.GetRequiredService<AppDbContext>().IdempotencyRecords
            .Where(r => r.CreatedAt < threshold).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0) logger.LogInformation("Pruned {Count} idempotency records older than {Threshold}", deleted, threshold);
        return deleted;
    }
}
