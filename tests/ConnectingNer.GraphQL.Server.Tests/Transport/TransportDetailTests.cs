using System.Net.Http.Headers;
using System.Text;
using ConnectingNer.GraphQL.Server.Tests.Library;
using ConnectingNer.GraphQL.Server.Transport;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.GraphQL.Server.Tests.Transport;

/// <summary>The exact words, types and boundaries of the transport's answers: what clients and their tests read.</summary>
[Collection(LibraryCollection.Name)]
public sealed class TransportDetailTests(LibraryDatabase database)
{
    private Task<LibraryServer> Server() => database.DefaultServerAsync();

    private static string Message(Answer answer) => answer.Json.GetProperty("errors")[0].GetProperty("message").GetString()!;

    public static TheoryData<string, string> Refusals => new()
    {
        { "PUT", "Use GET or POST." },
        { "406", "Accept application/graphql-response+json or application/json." },
        { "GET-no-query", "The 'query' parameter is required." },
        { "GET-bad-variables", "'variables' and 'extensions' must be JSON objects." },
        { "415", "Send the request as application/json (UTF-8)." },
        { "bad-json", "The request body is not valid JSON." },
        { "batch", "Batched requests are not supported." },
        { "GET-mutation", "Only queries can be sent with GET; send this mutation with POST." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task ARefusal_SaysWhat_WithoutData_InUtf8Json(string kind, string message)
    {
        var server = await Server();
        var request = kind switch
        {
            "PUT" => new HttpRequestMessage(HttpMethod.Put, "/graphql") { Content = new StringContent("{}") },
            "406" => Requests.Post("{\"query\":\"{ echo }\"}", accept: "text/html"),
            "GET-no-query" => Requests.Get(""),
            "GET-bad-variables" => Requests.Get("?query=%7B%20echo%20%7D&variables=%5B%5D"),
            "415" => Requests.Post("{\"query\":\"{ echo }\"}", "text/plain"),
            "bad-json" => Requests.Post("{"),
            "batch" => Requests.Post("[]"),
            _ => Requests.Get("?query=" + Uri.EscapeDataString("mutation { touch }")),
        };

        var answer = await server.SendAsync(request);

        Assert.Equal(message, Message(answer));
        Assert.False(answer.Json.TryGetProperty("data", out _));
        Assert.EndsWith("; charset=utf-8", answer.ContentType);
    }

    [Fact]
    public async Task AnAnswer_HasItsMediaTypeWithTheCharset()
    {
        var answer = await (await Server()).PostAsync("{ echo }");

        Assert.Equal("application/graphql-response+json; charset=utf-8", answer.ContentType);
    }

    [Fact]
    public async Task AGetMutation_WithAnotherErrorToo_IsStillA405()
    {
        var answer = await (await Server()).SendAsync(Requests.Get("?query=" + Uri.EscapeDataString("mutation { touch nothing }")));

        Assert.Equal(405, answer.Status);
        Assert.True(answer.Codes.Count >= 2);
    }

    [Fact]
    public async Task AGet_PicksTheNamedOperation()
    {
        var answer = await (await Server()).SendAsync(Requests.Get("?query=" + Uri.EscapeDataString("query A { echo(text: \"a\") } query B { echo(text: \"b\") }")
            + "&operationName=B"));

        Assert.Equal("b", answer.Data.GetProperty("echo").GetString());
    }

    [Fact]
    public async Task APost_WithExtensions_IsRead()
    {
        var answer = await (await Server()).SendAsync(Requests.Post("{\"query\":\"{ echo(text: \\\"e\\\") }\",\"extensions\":{\"persistedQuery\":null}}"));

        Assert.Equal("e", answer.Data.GetProperty("echo").GetString());
    }

    [Fact]
    public async Task TheSdlRefusal_SaysTheSchemaIsNotPublished()
    {
        await using var server = await LibraryServer.StartAsync(database, new Dictionary<string, string?> { ["GraphQL:EnableIntrospection"] = "false" });

        var answer = await server.SendAsync(Requests.Get("?sdl"));

        Assert.Equal("The schema is not published on this server.", Message(answer));
    }

    [Fact]
    public async Task ABodyOfExactlyTheLimit_IsAccepted_DeclaredOrStreamed()
    {
        await using var server = await LibraryServer.StartAsync(database, new Dictionary<string, string?> { ["GraphQL:MaxRequestBodyBytes"] = "100" });
        var body = "{\"query\":\"{ echo(text: \\\"" + new string('x', 100 - 32) + "\\\") }\"}";
        Assert.Equal(100, Encoding.UTF8.GetByteCount(body));

        var declared = await server.SendAsync(Requests.Post(body));
        using var streamed = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body))) };
        streamed.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        var chunked = await server.SendAsync(streamed);
        var over = await server.SendAsync(Requests.Post(body.Replace("xx", "xxx", StringComparison.Ordinal)));

        Assert.Equal(200, declared.Status);
        Assert.Equal(200, chunked.Status);
        Assert.Equal(413, over.Status);
        Assert.Equal("The request body is larger than 100 bytes.", Message(over));
    }

    [Fact]
    public async Task ABodyArrivingInSmallPieces_IsReadWhole()
    {
        var server = await database.DefaultServerAsync();
        var text = new string('p', 3000);
        using var slow = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StreamContent(new TrickleStream(Encoding.UTF8.GetBytes("{\"query\":\"{ echo(text: \\\"" + text + "\\\") }\"}"), 7)),
        };
        slow.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");

        var answer = await server.SendAsync(slow);

        Assert.Equal(200, answer.Status);
        Assert.Equal(text, answer.Data.GetProperty("echo").GetString());
    }

    /// <summary>A request body that gives at most <paramref name="piece"/> bytes a read, yielding between reads.</summary>
    private sealed class TrickleStream(byte[] bytes, int piece) : Stream
    {
        private int _position;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            var count = Math.Min(Math.Min(piece, buffer.Length), bytes.Length - _position);
            bytes.AsMemory(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, default).GetAwaiter().GetResult();
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task TheTokenRefusal_SaysTheLimit()
    {
        await using var server = await LibraryServer.StartAsync(database, new Dictionary<string, string?> { ["GraphQL:MaxTokens"] = "3" });

        var answer = await server.PostAsync("{ echo echo }");

        Assert.Equal("The document has more than 3 tokens.", Message(answer));
    }

    [Fact]
    public async Task ADocumentNestedBeyondTheParsersDepth_IsAnsweredAsTooDeep()
    {
        await using var server = await LibraryServer.StartAsync(database, new Dictionary<string, string?> { ["GraphQL:MaxTokens"] = "100000" });
        var query = string.Concat(Enumerable.Repeat("{ a ", 200)) + "{ b }" + new string('}', 200);

        var answer = await server.PostAsync(query);

        Assert.Contains("MAX_DEPTH_EXCEEDED", answer.Codes);
        Assert.Contains("nested too deeply", answer.Body);
    }

    [Fact]
    public async Task ErrorExtensions_CarryTheCodeAndNothingInternal()
    {
        var server = await Server();

        var failed = await server.PostAsync("{ fail }");
        var invalid = await server.PostAsync("{ echo(text: 1) }");

        var extensions = failed.Json.GetProperty("errors")[0].GetProperty("extensions");
        Assert.Equal(["code"], extensions.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Unexpected execution error.", Message(failed));
        Assert.All(invalid.Json.GetProperty("errors").EnumerateArray(), e =>
        {
            Assert.False(e.GetProperty("extensions").TryGetProperty("codes", out _));
            Assert.False(e.GetProperty("extensions").TryGetProperty("data", out _));
        });
    }

    [Fact]
    public async Task RepeatableDirectives_AreIntrospectable()
    {
        var answer = await (await Server()).PostAsync("{ __schema { directives { name isRepeatable } } }");

        Assert.False(answer.HasErrors, answer.Body);
    }

    [Fact]
    public async Task ACachedDocument_KeepsTheMarksOfEachOperationThatRan()
    {
        var server = await Server();
        var query = "query A { echo(text: \"1\") } query B { echo(text: \"2\") } # " + Guid.NewGuid();

        await server.PostAsync(query, operationName: "A");
        await server.PostAsync(query, operationName: "B");

        Assert.True(server.Services.GetRequiredService<DocumentCache>().TryGet(query, out var entry));
        Assert.True(entry!.IsChecked("A"));
        Assert.True(entry.IsChecked("B"));
    }

    [Fact]
    public void ADocument_HasVariablesWhenAnyOperationDoes()
    {
        var mixed = new CachedDocument(GraphQLParser.Parser.Parse("query A { a } query B($x: Int) { b }"));
        var none = new CachedDocument(GraphQLParser.Parser.Parse("query A { a } query B { b }"));

        Assert.True(mixed.HasVariables);
        Assert.False(none.HasVariables);
    }
}
