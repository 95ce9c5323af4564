using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using System.Text.Json.Nodes;

namespace ConnectingNer.Api.Tests.Operations;

[Collection(ApiCollection.Name)]
public sealed class OperationsTests(ApiFixture fixture)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_WhenDatabaseUp_IsHealthy(string path)
    {
        var response = await fixture.Factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HealthReady_WhenDatabaseUnreachable_IsUnhealthyButLiveStaysUp()
    {
        await using var factory = new ApiFactory("Host=127.0.0.1;Port=1;Database=none;Username=nobody;Timeout=2");
        var client = factory.CreateClient();

        var ready = await client.GetAsync("/health/ready");
        var live = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Query_WhenDatabaseUnreachable_ReturnsInternalErrorWithoutDetails()
    {
        var logs = new Identity.CapturingLoggerProvider();
        await using var factory = new ApiFactory("Host=127.0.0.1;Port=1;Database=none;Username=nobody;Timeout=2");
        await using var host = factory.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.AddProvider(logs)));
        var client = new GraphQLClient(host.CreateClient());

        var response = await client.PostAsync("query Shelf { categories { name } }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(["INTERNAL_SERVER_ERROR"], response.ErrorCodes);
        Assert.DoesNotContain("Npgsql", response.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", response.Text, StringComparison.Ordinal);
        // What the client is not told, the operators are: the field, the operation and the exception.
        Assert.Contains(logs.Lines, line => line.StartsWith("ConnectingNer.GraphQL.Common.ExceptionErrors Unexpected error in the GraphQL field categories of Shelf", StringComparison.Ordinal)
            && line.Contains("Npgsql", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ide_WhenBrowserOpensEndpoint_RedirectsToTrailingSlash()
    {
        var client = fixture.Factory.CreateClient(new() { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.ParseAdd("text/html");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/graphql/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Ide_WhenGetCarriesQuery_IsNotRedirected()
    {
        var client = fixture.Factory.CreateClient(new() { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B__typename%7D");
        request.Headers.Accept.ParseAdd("text/html");
        request.Headers.Accept.ParseAdd("application/json");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Ide_ServesConfigAndIndexWithoutCaching()
    {
        var client = fixture.Factory.CreateClient();

        var config = JsonNode.Parse(await client.GetStringAsync("/graphql/bcp-config.json"))!;
        var index = await client.GetAsync("/graphql/");

        Assert.True(config["useBrowserUrlAsEndpoint"]!.GetValue<bool>());
        Assert.True(config["disableTelemetry"]!.GetValue<bool>());
        Assert.Equal("Connecting NER API", config["title"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal("text/html", index.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-cache", index.Headers.CacheControl!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/graphql/LICENSE")).StatusCode);
    }

    [Fact]
    public async Task Ide_WhenDisabledByConfiguration_IsNotServed()
    {
        await using var factory = new ApiFactory(fixture.Database.ConnectionString);
        var client = factory.WithWebHostBuilder(b => b.UseSetting("GraphQL:Ide:Enabled", "false"))
            .CreateClient(new() { AllowAutoRedirect = false });

        var index = await client.GetAsync("/graphql/");
        var config = await client.GetAsync("/graphql/bcp-config.json");

        Assert.Equal(HttpStatusCode.NotFound, index.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, config.StatusCode);
    }
}
