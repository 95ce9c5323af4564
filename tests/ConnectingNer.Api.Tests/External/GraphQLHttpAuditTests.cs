using Xunit.Abstractions;

namespace ConnectingNer.Api.Tests.External;

/// <summary>The graphql-http audit suite (npm graphql-http@1.23.1), run against the server on real Kestrel.</summary>
[Collection(KestrelCollection.Name)]
public sealed class GraphQLHttpAuditTests(KestrelFixture server, ITestOutputHelper output)
{
    [Fact]
    public async Task Audit_EveryMustShouldAndMayAuditIsOk()
    {
        var (exitCode, text) = await KestrelFixture.RunNodeAsync("audit.mjs", server.Endpoint);
        output.WriteLine(text);

        Assert.True(exitCode == 0, text);
        Assert.Matches(@"audit: (\d+)/\1 ok, 0 error, 0 warn, 0 notice", text);
    }
}
