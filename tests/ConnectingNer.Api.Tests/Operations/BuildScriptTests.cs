using System.Diagnostics;

namespace ConnectingNer.Api.Tests.Operations;

/// <summary>The clusters the build scripts start: the one `build/run.sh` uses keeps what people type in through a crash.</summary>
public sealed class BuildScriptTests
{
    private static async Task<string> BashAsync(string script)
    {
        var start = new ProcessStartInfo("bash", ["-c", $"source '{RepositoryPaths.Root}/build/lib.sh'; {script}"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await error);
        return (await output).Trim();
    }

    [Fact]
    public async Task TheDurableCluster_RunsWithFsyncOn_AndKeepsItsDataWhenStartedAgain()
    {
        var name = "fsync-check-" + Guid.NewGuid().ToString("N")[..8];
        const string psql = "su postgres -s /bin/sh -c \"$PG_BIN/psql -h 127.0.0.1 -p $port -tAc '{0}'\"";
        try
        {
            var first = await BashAsync($"port=$(start_postgres {name} durable); {string.Format(psql, "SHOW fsync")}; "
                + $"{string.Format(psql, "CREATE TABLE kept (x int); INSERT INTO kept VALUES (42)")} >/dev/null; stop_postgres {name} durable");
            var second = await BashAsync($"port=$(start_postgres {name} durable); {string.Format(psql, "SELECT x FROM kept")}");
            var throwaway = await BashAsync($"port=$(start_postgres {name}); {string.Format(psql, "SHOW fsync")}; stop_postgres {name}");

            Assert.Equal("on", first);
            Assert.Equal("42", second);
            Assert.Equal("off", throwaway);
        }
        finally
        {
            await BashAsync($"stop_postgres {name} durable; rm -rf \"$(pg_dir {name} durable)\"");
        }
    }

    [Fact]
    public void RunSh_StartsTheDurableCluster()
    {
        var run = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "build", "run.sh"));

        Assert.Matches(@"start_postgres \S+ durable", run);
    }

    [Fact]
    public async Task TheScripts_StartServersWithEverySettingOfRuntimeEnv()
    {
        var settings = (await BashAsync("printf '%s\\n' \"${SERVER_RUNTIME_ENV[@]}\""))
            .Split('\n').Select(line => line.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1]);
        var file = File.ReadLines(Path.Combine(RepositoryPaths.Root, "src", "ConnectingNer.Api", RuntimeEnvironment.FileName));

        Assert.Empty(RuntimeEnvironment.Missing(file, settings.GetValueOrDefault));
        Assert.Contains("DOTNET_GCGen1MaxBudget", settings.Keys);
        foreach (var script in new[] { "run.sh", "bench.sh" })
            Assert.Contains("\"${SERVER_RUNTIME_ENV[@]}\"", File.ReadAllText(Path.Combine(RepositoryPaths.Root, "build", script)));
    }
}
