using System.Diagnostics;
using ConnectingNer.Infrastructure.Persistence.Seed;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConnectingNer.Api.Tests.External;

/// <summary>The host on real Kestrel (a loopback port) over the demo catalog, for clients outside the process.</summary>
public sealed class KestrelFixture : IAsyncLifetime
{
    private PostgresDatabase _database = null!;
    private ApiFactory _factory = null!;

    public string Endpoint { get; private set; } = "";

    /// <summary>The host's services (to register a client or an account for a browser test).</summary>
    public IServiceProvider Services => _factory.Services;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        await using (var db = _database.CreateDbContext())
            await new DemoDataSeeder(db, TimeProvider.System, NullLogger<DemoDataSeeder>.Instance).SeedAsync(CancellationToken.None);

        _factory = new ApiFactory(_database.ConnectionString);
        _factory.UseKestrel(0);
        _factory.StartServer();
        Endpoint = new Uri(_factory.ClientOptions.BaseAddress, "/graphql").ToString().Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
    }

    /// <summary>Runs a script of build/node with Node and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunNodeAsync(string script, params string[] arguments)
    {
        var tools = Environment.GetEnvironmentVariable("CONNECTINGNER_NODE_TOOLS") ?? Path.Combine(RepositoryPaths.Root, "build", "node");
        var start = new ProcessStartInfo("node") { WorkingDirectory = tools, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class KestrelCollection : ICollectionFixture<KestrelFixture>
{
    public const string Name = "kestrel";
}
