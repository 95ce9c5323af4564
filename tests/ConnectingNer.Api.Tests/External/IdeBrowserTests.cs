using Xunit.Abstractions;

namespace ConnectingNer.Api.Tests.External;

/// <summary>Headless Debian Chromium opens the IDE, which must load the schema with nothing beyond loopback.</summary>
[Collection(KestrelCollection.Name)]
public sealed class IdeBrowserTests(KestrelFixture server, ITestOutputHelper output)
{
    [Fact]
    public async Task Ide_WhenOpenedInBrowser_LoadsTheSchemaOffline()
    {
        var artifacts = Environment.GetEnvironmentVariable("CONNECTINGNER_ARTIFACTS") ?? Path.Combine(RepositoryPaths.Root, "artifacts");
        Directory.CreateDirectory(artifacts);
        var screenshot = Path.Combine(artifacts, "ide.png");
        if (File.Exists(screenshot)) File.Delete(screenshot);

        var (exitCode, text) = await KestrelFixture.RunNodeAsync("ide-check.mjs", server.Endpoint, screenshot);
        output.WriteLine(text);

        Assert.True(exitCode == 0, text);
        Assert.Contains("introspected=true schemaShown=true", text);
        Assert.Contains("outside=0", text);
        Assert.True(File.Exists(screenshot));
    }
}
