using ConnectingNer.GraphQL.Server.Data.Filtering;
using ConnectingNer.GraphQL.Server.Paging;
using ConnectingNer.GraphQL.Server.Relay;
using ConnectingNer.GraphQL.Server.Scalars;
using ConnectingNer.GraphQL.Server.Tests.Library;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.GraphQL.Server.Tests.Ide;

[Collection(LibraryCollection.Name)]
public sealed class IdeDetailTests(LibraryDatabase database) : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ide-" + Guid.NewGuid().ToString("N"));
    private LibraryServer _server = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_root, "bananacakepop"));
        await File.WriteAllTextAsync(Path.Combine(_root, "bananacakepop", "index.html"), "<html>ide</html>");
        _server = await LibraryServer.StartAsync(database, new Dictionary<string, string?> { ["GraphQL:Ide:Enabled"] = "true" }, contentRoot: _root);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Theory]
    [InlineData("id=abc")]
    [InlineData("documentId=abc")]
    [InlineData("extensions=%7B%7D")]
    [InlineData("operationName=A")]
    [InlineData("variables=%7B%7D")]
    [InlineData("sdl")]
    public async Task ABrowserRequestWithAGraphQLParameter_IsNotSentToTheIde(string parameter)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?" + parameter);
        request.Headers.Accept.ParseAdd("text/html");

        var answer = await _server.SendAsync(request);

        Assert.NotEqual(302, answer.Status);
    }

    [Fact]
    public async Task TheConfig_IsJson()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql/bcp-config.json");

        var answer = await _server.SendAsync(request);

        Assert.Equal("application/json", answer.ContentType);
        Assert.Equal("GraphQL", answer.Json.GetProperty("title").GetString());
    }

    [Fact]
    public void TheServer_FallsBackToInMemoryParts_WhenTheHostBringsNone()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGraphQLServer<LibrarySchema>(new ConfigurationBuilder().Build(), graphql => graphql.AddGraphTypes(typeof(LibrarySchema).Assembly));
        using var provider = services.BuildServiceProvider();

        Assert.IsType<AsyncEnumerableQueryExecutor>(provider.GetRequiredService<IQueryExecutor>());
        Assert.IsType<LowerCaseStringMatcher>(provider.GetRequiredService<IStringMatcher>());
        Assert.NotNull(provider.GetRequiredService<NodeResolvers>());
        Assert.NotNull(provider.GetRequiredService<SchemaSdl<LibrarySchema>>());
        Assert.IsType<NulFreeStringGraphType>(provider.GetRequiredService<StringGraphType>());
        Assert.False(provider.GetRequiredService<GraphQLServerOptions>().EnableIntrospection);
    }
}
