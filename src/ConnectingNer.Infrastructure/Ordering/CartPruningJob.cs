using ConnectingNer.Application.Ordering;
using ConnectingNer.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ConnectingNer.Infrastructure.Ordering;

/// <summary>Deletes carts untouched for <see cref="Retention"/> (30 days), every hour. Safe on many nodes: the delete is idempotent.</summary>
public sealed class CartPruningJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<CartPruningJob> logger) : BackgroundService
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PruneAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Cart pruning failed; it runs again at the next interval");
            }
        }
    }

    /// <summary>One pass; returns how many carts were deleted.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var threshold = clock.GetUtcNow() - Retention;
        var deleted = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Carts
            .Where(c => c.UpdatedAt < threshold).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0) logger.LogInformation("Deleted {Count} carts untouched since {Threshold}", deleted, threshold);
        return deleted;
    }
}
