namespace ConnectingNer.Api.Tests.Operations;

/// <summary>runtime.env: the settings the runtime reads only from the environment, and the server's check of them.</summary>
public sealed class RuntimeEnvironmentTests
{
    private static readonly string[] File =
    [
        "# a comment",
        "",
        "DOTNET_GCGen1MaxBudget=0x1000000",
        "MALLOC_ARENA_MAX=2",
        "  # an indented comment",
        "DOTNET_Other=1",
    ];

    [Fact]
    public void Missing_NamesTheSettingsTheEnvironmentLacksOrGivesAnotherValue()
    {
        var environment = new Dictionary<string, string> { ["DOTNET_GCGen1MaxBudget"] = "0x1000000", ["MALLOC_ARENA_MAX"] = "8" };

        Assert.Equal(["MALLOC_ARENA_MAX", "DOTNET_Other"], RuntimeEnvironment.Missing(File, environment.GetValueOrDefault));
    }

    [Fact]
    public void Missing_IsEmpty_WhenEverySettingIsThere_HexadecimalInEitherCase()
    {
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_GCGen1MaxBudget"] = "0X1000000", ["MALLOC_ARENA_MAX"] = "2", ["DOTNET_Other"] = "1",
        };

        Assert.Empty(RuntimeEnvironment.Missing(File, environment.GetValueOrDefault));
    }

    [Fact]
    public void TheFile_IsCopiedBesideTheServer_WithTheGcBudgetsAndTheArenaLimit()
    {
        var path = Path.Combine(Path.GetDirectoryName(typeof(RuntimeEnvironment).Assembly.Location)!, RuntimeEnvironment.FileName);
        var settings = RuntimeEnvironment.Missing(System.IO.File.ReadLines(path), _ => null);

        Assert.Equal(["DOTNET_GCGen1MaxBudget", "DOTNET_GCGen0MaxBudget", "MALLOC_ARENA_MAX"], settings);
    }
}
