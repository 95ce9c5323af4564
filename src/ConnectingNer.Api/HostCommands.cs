using ConnectingNer.GraphQL;
using ConnectingNer.GraphQL.Server;
using ConnectingNer.Api.Persistence;
using ConnectingNer.Infrastructure;

namespace ConnectingNer.Api;

/// <summary>
/// Commands the host runs instead of serving: <c>schema export --output FILE</c>, <c>migrate [--seed]</c> and
/// <c>privacy rotate-master-key</c> (after making a new key current in <c>Privacy:CurrentMasterKeyId</c>).
/// </summary>
public static class HostCommands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (await SchemaExport.TryRunAsync(args, () => app.Services.GetRequiredService<AppSchema>())) return true;
        if (args.Length > 0 && args[0] == "migrate")
        {
            await app.Services.PrepareDatabaseAsync(seed: args.Contains("--seed"), CancellationToken.None);
            Console.WriteLine("Database migrated" + (args.Contains("--seed") ? " and seeded." : "."));
            return true;
        }

        if (args is ["privacy", "rotate-master-key", ..])
        {
            await using var scope = app.Services.CreateAsyncScope();
            var count = await scope.ServiceProvider.GetRequiredService<ConnectingNer.Infrastructure.Privacy.MasterKeyRotation>()
                .RewrapAsync(CancellationToken.None);
            Console.WriteLine($"Re-wrapped {count} data keys; the previous master key can now be removed from configuration.");
            return true;
        }

        return false;
    }
}
