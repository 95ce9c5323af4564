using ConnectingNer.Application.Ordering;
using ConnectingNer.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConnectingNer.Infrastructure.Ordering;

/// <summary>Deletes carts untouched for <see cref="Retention"/> (30 days), every hour. Safe on many nodes: the delete is idempotent.</summary>
public sealed class CartPruningJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<CartPruningJob> logger)
    : HourlyPruningJob(clock, logger)
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    public override async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var threshold = Clock.GetUtcNow() - Retention;
        var deleted = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Carts
            .Where(c => c.UpdatedAt < threshold).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0) Logger.LogInformation("Deleted {Count} carts untouched since {Threshold}", deleted, threshold);
        return deleted;
    }
}
