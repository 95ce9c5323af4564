using System.Net.Http.Headers;
using System.Text;
using ConnectingNer.GraphQL.Server.Tests.Library;

namespace ConnectingNer.GraphQL.Server.Tests.Transport;

/// <summary>GraphQL over HTTP as the spec asks, on the library schema.</summary>
[Collection(LibraryCollection.Name)]
public sealed class HttpTransportTests(LibraryDatabase database)
{
    private Task<LibraryServer> Server() => database.DefaultServerAsync();

    [Fact]
    public async Task APost_AnswersDataInTheNewMediaType()
    {
        var answer = await (await Server()).PostAsync("{ echo(text: \"hi\") }");

        Assert.Equal(200, answer.Status);
        Assert.StartsWith("application/graphql-response+json", answer.ContentType);
        Assert.Equal("hi", answer.Data.GetProperty("echo").GetString());
        Assert.False(answer.HasErrors);
    }

    [Fact]
    public async Task APost_WithVariablesAndAnOperationName_RunsThatOperation()
    {
        var answer = await (await Server()).PostAsync(
            "query A($t: String) { echo(text: $t) } query B { echo(text: \"b\") }", new { t = "from a" }, operationName: "A");

        Assert.Equal("from a", answer.Data.GetProperty("echo").GetString());
    }

    [Fact]
    public async Task TwoOperationsWithoutAName_IsARequestError()
    {
        var answer = await (await Server()).PostAsync("query A { echo(text: \"a\") } query B { echo(text: \"b\") }");

        Assert.Equal(400, answer.Status);
        Assert.True(answer.HasErrors);
        Assert.False(answer.Json.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task UnderApplicationJson_ARequestErrorIsStillA200()
    {
        var server = await Server();
        var answer = await server.PostAsync("{ nope }", accept: "application/json");

        Assert.Equal(200, answer.Status);
        Assert.StartsWith("application/json", answer.ContentType);
        Assert.True(answer.HasErrors);
    }

    [Fact]
    public async Task ASyntaxError_IsA400WithItsCode()
    {
        var answer = await (await Server()).PostAsync("{ echo(");

        Assert.Equal(400, answer.Status);
        Assert.Equal("SYNTAX_ERROR", answer.FirstCode);
    }

    [Fact]
    public async Task AnUnknownField_IsAValidationError_WithoutSuggestionsByDefault()
    {
        var answer = await (await Server()).PostAsync("{ ech }");

        Assert.Equal(400, answer.Status);
        Assert.DoesNotContain("Did you mean", answer.Body);
        Assert.NotEqual("", answer.FirstCode);
    }

    [Fact]
    public async Task Suggestions_AppearOnlyWhenEnabled()
    {
        await using var server = await LibraryServer.StartAsync(database, new Dictionary<string, string?> { ["GraphQL:EnableSuggestions"] = "true" });

        var answer = await server.PostAsync("{ ech }");

        Assert.Contains("Did you mean", answer.Body);
    }

    [Fact]
    public async Task AGet_RunsAQuery_WithJsonVariables()
    {
        var server = await Server();
        var answer = await server.SendAsync(Requests.Get("?query=" + Uri.EscapeDataString("query($t: String) { echo(text: $t) }")
            + "&variables=" + Uri.EscapeDataString("{\"t\":\"got\"}") + "&operationName="));

        Assert.Equal(200, answer.Status);
        Assert.Equal("got", answer.Data.GetProperty("echo").GetString());
    }

    [Fact]
    public async Task AGet_WithNullVariables_IsFine()
    {
        var answer = await (await Server()).SendAsync(Requests.Get("?query=" + Uri.EscapeDataString("{ echo(text: \"x\") }") + "&variables=null"));

        Assert.Equal("x", answer.Data.GetProperty("echo").GetString());
    }

    [Theory]
    [InlineData("[1]")]
    [InlineData("{oops")]
    [InlineData("\"text\"")]
    public async Task AGet_WithVariablesThatAreNotAJsonObject_IsA400(string variables)
    {
        var answer = await (await Server()).SendAsync(Requests.Get("?query=" + Uri.EscapeDataString("{ echo }") + "&variables=" + Uri.EscapeDataString(variables)));

        Assert.Equal(400, answer.Status);
        Assert.Equal("HTTP_INVALID_REQUEST", answer.FirstCode);
    }

    [Fact]
    public async Task AGet_WithExtensionsThatAreNotAnObject_IsA400()
    {
        var answer = await (await Server()).SendAsync(Requests.Get("?query=" + Uri.EscapeDataString("{ echo }") + "&extensions=" + Uri.EscapeDataString("[]")));

        Assert.Equal("HTTP_INVALID_REQUEST", answer.FirstCode);
    }

    [Fact]
    public async Task AGet_WithoutAQuery_IsA400()
    {
        var answer = await (await Server()).SendAsync(Requests.Get("?operationName=x"));

        Assert.Equal(400, answer.Status);
        Assert.Equal("HTTP_INVALID_REQUEST", answer.FirstCode);
    }

    [Fact]
    public async Task AGetMutation_IsRefusedWith405_AllowingPost()
    {
        var answer = await (await Server()).SendAsync(Requests.Get("?query=" + Uri.EscapeDataString("mutation { touch(text: \"x\") }")));

        Assert.Equal(405, answer.Status);
        Assert.Equal("HTTP_METHOD_NOT_ALLOWED", answer.FirstCode);
        Assert.Equal("POST", string.Join(",", answer.Response.Content.Headers.Allow));
    }

    [Fact]
    public async Task APostMutation_Runs()
    {
        var answer = await (await Server()).PostAsync("mutation { touch(text: \"x\") }");

        Assert.Equal("touched x", answer.Data.GetProperty("touch").GetString());
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task OtherMethods_Get405_AllowingGetAndPost(string method)
    {
        var server = await Server();
        using var request = new HttpRequestMessage(new HttpMethod(method), "/graphql") { Content = new StringContent("{}") };

        var answer = await server.SendAsync(request);

        Assert.Equal(405, answer.Status);
        Assert.Equal("HTTP_METHOD_NOT_ALLOWED", answer.FirstCode);
        Assert.Equal("GET, POST", string.Join(", ", answer.Response.Content.Headers.Allow));
    }

    [Fact]
    public async Task AnAcceptHeaderWithNeitherJsonType_Is406()
    {
        var answer = await (await Server()).SendAsync(Requests.Post("{\"query\":\"{ echo }\"}", accept: "text/html"));

        Assert.Equal(406, answer.Status);
        Assert.Equal("HTTP_NOT_ACCEPTABLE", answer.FirstCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/json; charset=latin1")]
    public async Task ABodyThatIsNotUtf8Json_Is415(string contentType)
    {
        var answer = await (await Server()).SendAsync(Requests.Post("{\"query\":\"{ echo }\"}", contentType));

        Assert.Equal(415, answer.Status);
        Assert.Equal("HTTP_UNSUPPORTED_MEDIA_TYPE", answer.FirstCode);
    }

    [Fact]
    public async Task InvalidJson_Is400InvalidJson()
    {
        var answer = await (await Server()).SendAsync(Requests.Post("{\"query\":"));

        Assert.Equal(400, answer.Status);
        Assert.Equal("HTTP_INVALID_JSON", answer.FirstCode);
    }

    [Fact]
    public async Task ABatch_IsRefused()
    {
        var answer = await (await Server()).SendAsync(Requests.Post("[{\"query\":\"{ echo }\"}]"));

        Assert.Equal(400, answer.Status);
        Assert.Equal("HTTP_BATCHING_NOT_SUPPORTED", answer.FirstCode);
    }

    [Theory]
    [InlineData("\"just text\"", "must be a JSON object")]
    [InlineData("{}", "'query' must be a string")]
    [InlineData("{\"query\":1}", "'query' must be a string")]
    [InlineData("{\"query\":\"{ echo }\",\"operationName\":1}", "'operationName' must be a string or null")]
    [InlineData("{\"query\":\"{ echo }\",\"variables\":[]}", "'variables' must be an object or null")]
    [InlineData("{\"query\":\"{ echo }\",\"extensions\":\"x\"}", "'extensions' must be an object or null")]
    public async Task ParametersOfTheWrongType_Are400InvalidRequest(string body, string message)
    {
        var answer = await (await Server()).SendAsync(Requests.Post(body));

        Assert.Equal(400, answer.Status);
        Assert.Equal("HTTP_INVALID_REQUEST", answer.FirstCode);
        Assert.Contains(message, answer.Body);
    }

    [Fact]
    public async Task NullOperationNameVariablesAndExtensions_AreFine()
    {
        var answer = await (await Server()).SendAsync(Requests.Post("{\"query\":\"{ echo(text: \\\"n\\\") }\",\"operationName\":null,\"variables\":null,\"extensions\":null}"));

        Assert.Equal(200, answer.Status);
        Assert.Equal("n", answer.Data.GetProperty("echo").GetString());
    }

    [Fact]
    public async Task ABodyOverTheLimit_Is413_WhetherItsLengthIsDeclaredOrNot()
    {
        await using var server = await LibraryServer.StartAsync(database, new Dictionary<string, string?> { ["GraphQL:MaxRequestBodyBytes"] = "200" });
        var big = "{\"query\":\"{ echo(text: \\\"" + new string('x', 300) + "\\\") }\"}";

        var declared = await server.SendAsync(Requests.Post(big));
        using var streamed = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big))),
        };
        streamed.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        streamed.Content.Headers.ContentLength = null;
        var chunked = await server.SendAsync(streamed);
        var justUnder = await server.PostAsync("{ echo(text: \"" + new string('y', 100) + "\") }");

        Assert.Equal(413, declared.Status);
        Assert.Equal("HTTP_REQUEST_TOO_LARGE", declared.FirstCode);
        Assert.Equal(413, chunked.Status);
        Assert.Equal(200, justUnder.Status);
    }

    [Fact]
    public async Task OtherPaths_PassThrough()
    {
        var answer = await (await Server()).SendAsync(new HttpRequestMessage(HttpMethod.Get, "/elsewhere"));

        Assert.Equal(404, answer.Status);
        Assert.Equal("", answer.Body);
    }

    [Fact]
    public async Task ThePathMatches_WhateverTheLetterCase()
    {
        using var request = Requests.Post("{\"query\":\"{ echo(text: \\\"case\\\") }\"}");
        request.RequestUri = new Uri("/GraphQL", UriKind.Relative);

        var answer = await (await Server()).SendAsync(request);

        Assert.Equal("case", answer.Data.GetProperty("echo").GetString());
    }

    [Fact]
    public async Task TheSdl_IsServedWhileIntrospectionIsOn()
    {
        var answer = await (await Server()).SendAsync(Requests.Get("?sdl"));

        Assert.Equal(200, answer.Status);
        Assert.StartsWith("text/plain", answer.ContentType);
        Assert.Contains("type Book implements Node", answer.Body);
    }

    [Fact]
    public async Task WithIntrospectionOff_NeitherTheSdlNorSchemaQueriesAreAnswered()
    {
        await using var server = await LibraryServer.StartAsync(database, new Dictionary<string, string?> { ["GraphQL:EnableIntrospection"] = "false" });

        var sdl = await server.SendAsync(Requests.Get("?sdl"));
        var schema = await server.PostAsync("{ __schema { queryType { name } } }");
        var typename = await server.PostAsync("{ __typename }");

        Assert.Equal(404, sdl.Status);
        Assert.Equal("INTROSPECTION_DISABLED", sdl.FirstCode);
        Assert.True(schema.HasErrors);
        Assert.Equal("Query", typename.Data.GetProperty("__typename").GetString());
    }

    [Fact]
    public async Task AResolversException_IsAnInternalError_WithoutItsMessage()
    {
        var answer = await (await Server()).PostAsync("{ fail echo(text: \"still\") }");

        Assert.Equal(200, answer.Status);
        Assert.Equal("INTERNAL_SERVER_ERROR", answer.FirstCode);
        Assert.DoesNotContain("secret internals", answer.Body);
        Assert.Equal("still", answer.Data.GetProperty("echo").GetString());
    }

    [Fact]
    public async Task ExceptionDetails_AreShownOnlyInDevelopment_WhenAskedFor()
    {
        var expose = new Dictionary<string, string?> { ["GraphQL:ExposeExceptionDetails"] = "true" };
        await using var production = await LibraryServer.StartAsync(database, expose);
        await using var development = await LibraryServer.StartAsync(database, expose, environment: "Development");

        Assert.DoesNotContain("secret internals", (await production.PostAsync("{ fail }")).Body);
        Assert.Contains("secret internals", (await development.PostAsync("{ fail }")).Body);
    }

    [Fact]
    public async Task AnOperationOverTheTimeout_EndsWithATimeoutError()
    {
        await using var server = await LibraryServer.StartAsync(database, new Dictionary<string, string?> { ["GraphQL:ExecutionTimeout"] = "00:00:00.200" });

        var answer = await server.PostAsync("{ slow(ms: 5000) }");

        Assert.Equal("EXECUTION_TIMEOUT", answer.FirstCode);
    }

    [Fact]
    public async Task StringInputsWithANulCharacter_AreInvalidValues()
    {
        var answer = await (await Server()).PostAsync("query($t: String) { echo(text: $t) }", new { t = "a\u0000b" });

        Assert.True(answer.HasErrors);
        Assert.False(answer.Json.TryGetProperty("data", out var data) && data.ValueKind == System.Text.Json.JsonValueKind.Object
            && data.GetProperty("echo").ValueKind == System.Text.Json.JsonValueKind.String);
    }
}
