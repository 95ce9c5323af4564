using ConnectingNer.Infrastructure.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace ConnectingNer.Infrastructure.Identity;

/// <summary>
/// Removes expired or revoked tokens and authorizations older than the retention period, every interval
/// (OpenIddict.Quartz is not available here). Safe on many nodes: pruning is an idempotent delete.
/// </summary>
public sealed class TokenPruningJob(IServiceScopeFactory scopes, IOptions<IdentityServerOptions> options, TimeProvider clock, ILogger<TokenPruningJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PruneInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PruneAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Token pruning failed; it runs again at the next interval");
            }
        }
    }

    /// <summary>One pruning pass; returns how many tokens and authorizations were removed.</summary>
    public async Task<(long Tokens, long Authorizations)> PruneAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var threshold = clock.GetUtcNow() - options.Value.PruneAfter;
        var tokens = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, cancellationToken);
        var authorizations = await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, cancellationToken);
        logger.LogInformation("Pruned {Tokens} tokens and {Authorizations} authorizations older than {Threshold}", tokens, authorizations, threshold);
        return (tokens, authorizations);
    }
}
