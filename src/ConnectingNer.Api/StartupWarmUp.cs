using ConnectingNer.GraphQL;
using ConnectingNer.Infrastructure.Persistence;

namespace ConnectingNer.Api;

/// <summary>
/// Cold start: what the first request would otherwise build on its own time — the GraphQL schema (every type, field
/// and resolver) and EF Core's model (compiled ahead, but still initialised) — is built on another core while the host
/// starts. Failures are left to the first request, which builds the same and reports them as it always would.
/// </summary>
public static class StartupWarmUp
{
    public static void Begin(IServiceProvider services, ILogger logger) =>
        _ = Task.Run(async () =>
        {
            try
            {
                services.GetRequiredService<AppSchema>().Initialize();
                await using var scope = services.CreateAsyncScope();
                _ = scope.ServiceProvider.GetRequiredService<AppDbContext>().Model;
            }
            catch (Exception e)
            {
                logger.LogDebug(e, "The start-up warm-up failed; the first request builds what it needs");
            }
        });
}
