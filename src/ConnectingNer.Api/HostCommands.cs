using ConnectingNer.GraphQL;
using ConnectingNer.GraphQL.Server;
using ConnectingNer.Infrastructure;

namespace ConnectingNer.Api;

/// <summary>Commands the host runs instead of serving: <c>schema export --output FILE</c> and <c>migrate [--seed]</c>.</summary>
public static class HostCommands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (await SchemaExport.TryRunAsync(args, () => app.Services.GetRequiredService<AppSchema>())) return true;
        if (args.Length > 0 && args[0] == "migrate")
        {
            await app.Services.MigrateDatabaseAsync(seed: args.Contains("--seed"), CancellationToken.None);
            Console.WriteLine("Database migrated" + (args.Contains("--seed") ? " and seeded." : "."));
            return true;
        }

        return false;
    }
}
