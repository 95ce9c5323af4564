using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ConnectingNer.Infrastructure.Persistence;

/// <summary>
/// A clean-up that runs every hour: deletes what outlived its retention. A failed pass is logged and tried again at
/// the next tick. Safe on many nodes as long as the pass is idempotent (a delete by age is).
/// </summary>
public abstract class HourlyPruningJob(TimeProvider clock, ILogger logger) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;

    protected ILogger Logger { get; } = logger;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), Clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PruneAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Logger.LogWarning(e, "{Job} failed; it runs again at the next interval", GetType().Name);
            }
        }
    }

    /// <summary>One pass; returns how many rows were deleted.</summary>
    public abstract Task<int> PruneAsync(CancellationToken cancellationToken);
}
