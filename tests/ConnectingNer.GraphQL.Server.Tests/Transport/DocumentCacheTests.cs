using ConnectingNer.GraphQL.Server.Tests.Library;
using ConnectingNer.GraphQL.Server.Transport;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.GraphQL.Server.Tests.Transport;

/// <summary>What the document cache keeps, and which operations of a cached document count as checked.</summary>
[Collection(LibraryCollection.Name)]
public sealed class DocumentCacheTests(LibraryDatabase database)
{
    private static string Unique(string query) => query + " # " + Guid.NewGuid();

    [Fact]
    public async Task AnExecutedDocument_IsCached_WithTheOperationThatRanMarkedChecked()
    {
        var server = await database.DefaultServerAsync();
        var cache = server.Services.GetRequiredService<DocumentCache>();
        var query = Unique("query A { echo(text: \"a\") } query B { echo(text: \"b\") }");

        await server.PostAsync(query, operationName: "A");

        Assert.True(cache.TryGet(query, out var entry));
        Assert.False(entry!.HasVariables);
        Assert.True(entry.IsChecked("A"));
        Assert.False(entry.IsChecked("B"));
        Assert.False(entry.IsChecked(null));
    }

    [Fact]
    public async Task AnAnonymousOperation_IsCheckedUnderTheEmptyName()
    {
        var server = await database.DefaultServerAsync();
        var cache = server.Services.GetRequiredService<DocumentCache>();
        var query = Unique("{ echo(text: \"x\") }");

        await server.PostAsync(query);
        var again = await server.PostAsync(query);

        Assert.True(cache.TryGet(query, out var entry));
        Assert.True(entry!.IsChecked(null));
        Assert.True(entry.IsChecked(""));
        Assert.Equal("x", again.Data.GetProperty("echo").GetString());
    }

    [Fact]
    public async Task ADocumentWithVariables_IsCached_ButNeverMarkedChecked()
    {
        var server = await database.DefaultServerAsync();
        var cache = server.Services.GetRequiredService<DocumentCache>();
        var query = Unique("query V($t: String) { echo(text: $t) }");

        await server.PostAsync(query, new { t = "1" }, "V");

        Assert.True(cache.TryGet(query, out var entry));
        Assert.True(entry!.HasVariables);
        Assert.False(entry.IsChecked("V"));
    }

    [Fact]
    public async Task AnInvalidDocument_IsNotCached()
    {
        var server = await database.DefaultServerAsync();
        var cache = server.Services.GetRequiredService<DocumentCache>();
        var query = Unique("{ nothingHere }");

        var first = await server.PostAsync(query);
        var second = await server.PostAsync(query);

        Assert.False(cache.TryGet(query, out _));
        Assert.Equal(first.Body, second.Body);
    }

    [Fact]
    public async Task ACachedDocument_IsStillCheckedForGetMutations()
    {
        var server = await database.DefaultServerAsync();
        var query = Unique("mutation { touch(text: \"t\") }");

        var post = await server.PostAsync(query);
        using var get = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(query));
        get.Headers.Accept.ParseAdd("application/json");
        var answer = await server.SendAsync(get);

        Assert.Equal("touched t", post.Data.GetProperty("touch").GetString());
        Assert.Equal(405, answer.Status);
    }

    [Fact]
    public async Task ACachedDocumentWithAFailingLimit_IsRefusedEachTimeForThatOperation()
    {
        await using var server = await LibraryServer.StartAsync(database, new Dictionary<string, string?> { ["GraphQL:MaxComplexity"] = "30" });
        const string query = "query Cheap { echo } query Heavy { books(first: 40) { nodes { title pages } } }";

        await server.PostAsync(query, operationName: "Cheap");
        var heavy = await server.PostAsync(query, operationName: "Heavy");
        var cache = server.Services.GetRequiredService<DocumentCache>();

        Assert.True(heavy.HasErrors);
        Assert.True(cache.TryGet(query, out var entry));
        Assert.False(entry!.IsChecked("Heavy"));
    }

    [Fact]
    public void TheCache_ForgetsNothingItWasToldToKeep()
    {
        using var cache = new DocumentCache();
        var document = GraphQLParser.Parser.Parse("{ a }");

        var added = cache.Add("{ a }", document);
        added.MarkChecked(null);
        added.MarkChecked(null);

        Assert.True(cache.TryGet("{ a }", out var found));
        Assert.Same(added, found);
        Assert.Same(document, found!.Document);
        Assert.True(found.IsChecked(null));
        Assert.False(cache.TryGet("{ b }", out _));
    }
}
