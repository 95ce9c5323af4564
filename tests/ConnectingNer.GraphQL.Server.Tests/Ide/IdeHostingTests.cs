using ConnectingNer.GraphQL.Server.Ide;
using ConnectingNer.GraphQL.Server.Tests.Library;

namespace ConnectingNer.GraphQL.Server.Tests.Ide;

/// <summary>The IDE's files served under the endpoint, from a folder laid out like its npm package.</summary>
[Collection(LibraryCollection.Name)]
public sealed class IdeHostingTests(LibraryDatabase database) : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ide-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_root, "bananacakepop", "static"));
        File.WriteAllText(Path.Combine(_root, "bananacakepop", "index.html"), "<html>ide</html>");
        File.WriteAllText(Path.Combine(_root, "bananacakepop", "service-worker.js"), "// worker");
        File.WriteAllText(Path.Combine(_root, "bananacakepop", "favicon.ico"), "icon");
        File.WriteAllText(Path.Combine(_root, "bananacakepop", "LICENSE"), "license");
        File.WriteAllText(Path.Combine(_root, "bananacakepop", "static", "app.js"), "console.log('ide')");
        File.WriteAllText(Path.Combine(_root, "secret.txt"), "outside");
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    private Task<LibraryServer> Start(bool enabled = true, bool introspection = true) =>
        LibraryServer.StartAsync(database, new Dictionary<string, string?>
        {
            ["GraphQL:Ide:Enabled"] = enabled ? "true" : "false",
            ["GraphQL:Ide:Title"] = "Library",
            ["GraphQL:EnableIntrospection"] = introspection ? "true" : "false",
        }, contentRoot: _root);

    private static HttpRequestMessage Get(string path, string accept = "text/html")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd(accept);
        return request;
    }

    [Fact]
    public async Task ABrowserAtTheEndpoint_IsSentToTheIde_KeepingItsQueryString()
    {
        await using var server = await Start();

        var answer = await server.SendAsync(Get("/graphql?tab=1"));

        Assert.Equal(302, answer.Status);
        Assert.Equal("/graphql/?tab=1", answer.Response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task TheIdePage_IsServedFramelessAndUncached()
    {
        await using var server = await Start();

        var answer = await server.SendAsync(Get("/graphql/"));

        Assert.Equal(200, answer.Status);
        Assert.Equal("<html>ide</html>", answer.Body);
        Assert.StartsWith("text/html", answer.ContentType);
        Assert.Equal("DENY", answer.Response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal(GraphQLIdeMiddleware.ContentSecurityPolicy, answer.Response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("no-cache", answer.Response.Headers.CacheControl!.ToString());
    }

    [Theory]
    [InlineData("/graphql/static/app.js", "public, max-age=31536000, immutable", "text/javascript")]
    [InlineData("/graphql/service-worker.js", "no-cache", "text/javascript")]
    [InlineData("/graphql/favicon.ico", "public, max-age=3600", "image/x-icon")]
    [InlineData("/graphql/LICENSE", "public, max-age=3600", "application/octet-stream")]
    public async Task Assets_CarryTheirCachePolicyAndType(string path, string cache, string type)
    {
        await using var server = await Start();

        var answer = await server.SendAsync(Get(path, "*/*"));

        Assert.Equal(200, answer.Status);
        Assert.Equal(cache, answer.Response.Headers.CacheControl!.ToString());
        Assert.StartsWith(type, answer.ContentType);
    }

    [Fact]
    public async Task AHeadRequest_SendsHeadersOnly()
    {
        await using var server = await Start();

        var answer = await server.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/graphql/static/app.js"));

        Assert.Equal(200, answer.Status);
        Assert.Equal("", answer.Body);
        Assert.Equal(18, answer.Response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task TheConfig_PointsTheIdeAtThisEndpoint()
    {
        await using var server = await Start();

        var answer = await server.SendAsync(Get("/graphql/bcp-config.json", "application/json"));

        Assert.Equal("Library", answer.Json.GetProperty("title").GetString());
        Assert.True(answer.Json.GetProperty("useBrowserUrlAsEndpoint").GetBoolean());
        Assert.True(answer.Json.GetProperty("disableTelemetry").GetBoolean());
        Assert.Equal("no-cache", answer.Response.Headers.CacheControl!.ToString());
    }

    [Theory]
    [InlineData("/graphql/missing.js")]
    [InlineData("/graphql/static")]
    [InlineData("/graphql/..%2Fsecret.txt")]
    public async Task MissingFilesFoldersAndEscapes_Are404(string path)
    {
        await using var server = await Start();

        var answer = await server.SendAsync(Get(path, "*/*"));

        Assert.Equal(404, answer.Status);
        Assert.DoesNotContain("outside", answer.Body);
    }

    [Fact]
    public async Task GraphQLRequests_PassThroughToTheTransport()
    {
        await using var server = await Start();

        var get = await server.SendAsync(Get("/graphql?query=" + Uri.EscapeDataString("{ echo(text: \"q\") }"), "text/html, application/json"));
        var post = await server.PostAsync("{ echo(text: \"p\") }");
        var json = await server.SendAsync(Get("/graphql", "application/json"));

        Assert.Equal("q", get.Data.GetProperty("echo").GetString());
        Assert.Equal("p", post.Data.GetProperty("echo").GetString());
        Assert.Equal("HTTP_INVALID_REQUEST", json.FirstCode);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task TheIde_IsServedOnlyWhenEnabledAndIntrospectionIsOn(bool enabled, bool introspection)
    {
        await using var server = await Start(enabled, introspection);

        var page = await server.SendAsync(Get("/graphql/"));
        var root = await server.SendAsync(Get("/graphql"));

        Assert.Equal(404, page.Status);
        Assert.NotEqual(302, root.Status);
    }

    [Fact]
    public async Task WithoutItsFiles_TheIdeIsNotServed()
    {
        await using var server = await LibraryServer.StartAsync(database, new Dictionary<string, string?>
        {
            ["GraphQL:Ide:Enabled"] = "true",
            ["GraphQL:Ide:FilesPath"] = "nowhere",
        }, contentRoot: _root);

        Assert.Equal(404, (await server.SendAsync(Get("/graphql/"))).Status);
    }

    [Fact]
    public void TheDefaults_AreOffAndGeneric()
    {
        var options = new GraphQLIdeOptions();

        Assert.False(options.Enabled);
        Assert.Equal("bananacakepop", options.FilesPath);
        Assert.Equal("GraphQL", options.Title);
        Assert.False(new GraphQLServerOptions().EnableIntrospection);
    }
}
