using System.Net;
using System.Text;
using Snapshooter.Xunit;

namespace ConnectingNer.Api.Tests.Transport;

/// <summary>GraphQL over HTTP behaviour a client relies on; the graphql-http audit covers the spec line by line.</summary>
[Collection(ApiCollection.Name)]
public sealed class TransportTests(ApiFixture fixture)
{
    private async Task<GraphQLResponse> SendAsync(HttpMethod method, string url, string? body = null,
        string? contentType = "application/json", string? accept = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = contentType is null ? null : System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        }

        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        return await fixture.Client().SendAsync(request);
    }

    [Fact]
    public async Task Post_WhenAcceptIsGraphQLResponseJson_AnswersInThatMediaType()
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", """{"query":"{ __typename }"}""",
            accept: "application/graphql-response+json");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/graphql-response+json", response.ContentType);
        Assert.Equal("Query", response.Data!["__typename"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("*/*")]
    [InlineData("application/json")]
    public async Task Post_WhenAcceptIsJsonOrAbsent_AnswersApplicationJson(string? accept)
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", """{"query":"{ __typename }"}""", accept: accept);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/json", response.ContentType);
    }

    [Fact]
    public async Task Post_WhenNothingAcceptable_Returns406()
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", """{"query":"{ __typename }"}""", accept: "text/csv");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.Status);
        Assert.Equal(["HTTP_NOT_ACCEPTABLE"], response.ErrorCodes);
    }

    [Fact]
    public async Task Get_WhenQuery_Executes()
    {
        var response = await SendAsync(HttpMethod.Get, "/graphql?query=%7B%20categories%20%7B%20name%20%7D%20%7D");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        response.EnsureNoErrors();
    }

    [Fact]
    public async Task Get_WhenMutation_Returns405AndDoesNotExecute()
    {
        var query = Uri.EscapeDataString("""mutation { setProductStock(input: { id: "UHJvZHVjdDox", stock: 1 }) { errors { code } } }""");

        var response = await SendAsync(HttpMethod.Get, "/graphql?query=" + query, accept: "application/graphql-response+json");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal(["HTTP_METHOD_NOT_ALLOWED"], response.ErrorCodes);
        Assert.Null(response.Json!["data"]);
    }

    [Theory]
    [InlineData("{\"query\": ", "HTTP_INVALID_JSON")]
    [InlineData("[{\"query\":\"{ __typename }\"}]", "HTTP_BATCHING_NOT_SUPPORTED")]
    [InlineData("{\"query\": 42}", "HTTP_INVALID_REQUEST")]
    [InlineData("{\"query\":\"{ __typename }\",\"variables\":[1]}", "HTTP_INVALID_REQUEST")]
    [InlineData("{}", "HTTP_INVALID_REQUEST")]
    public async Task Post_WhenBodyMalformed_Returns400WithCode(string body, string code)
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal([code], response.ErrorCodes);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/json; charset=latin1")]
    public async Task Post_WhenContentTypeMissingOrUnsupported_Returns415(string? contentType)
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", """{"query":"{ __typename }"}""", contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.Status);
        Assert.Equal(["HTTP_UNSUPPORTED_MEDIA_TYPE"], response.ErrorCodes);
    }

    [Fact]
    public async Task Post_WhenBodyTooLarge_Returns413()
    {
        var body = "{\"query\":\"{ __typename }\",\"extensions\":{\"pad\":\"" + new string('x', 300 * 1024) + "\"}}";

        var response = await SendAsync(HttpMethod.Post, "/graphql", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        Assert.Equal(["HTTP_REQUEST_TOO_LARGE"], response.ErrorCodes);
    }

    [Fact]
    public async Task Put_Returns405()
    {
        var response = await SendAsync(HttpMethod.Put, "/graphql", """{"query":"{ __typename }"}""");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal(["HTTP_METHOD_NOT_ALLOWED"], response.ErrorCodes);
    }

    [Theory]
    [InlineData("{ products { nodes { sku } ", "SYNTAX_ERROR")]
    [InlineData("{ products { nodes { secretColumn } } }", "FIELDS_ON_CORRECT_TYPE")]
    [InlineData("{ product { sku } }", "PROVIDED_NON_NULL_ARGUMENTS")]
    public async Task Post_WhenDocumentInvalid_ReturnsCodedErrorAndStatusByMediaType(string query, string code)
    {
        var legacy = await fixture.Client().PostAsync(query);
        var modern = await fixture.Client().PostAsync(query, accept: "application/graphql-response+json");

        Assert.Equal(HttpStatusCode.OK, legacy.Status);
        Assert.Equal(HttpStatusCode.BadRequest, modern.Status);
        Assert.Contains(code, legacy.ErrorCodes);
        Assert.Null(modern.Json!["data"]);
    }

    [Fact]
    public async Task Post_WhenVariableHasWrongType_ReturnsInvalidValue()
    {
        var response = await fixture.Client().PostAsync("query($first: Int) { products(first: $first) { nodes { sku } } }",
            new { first = "ten" });

        Snapshot.Match(response.Pretty());
        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task Post_WhenQueryTooDeep_IsRejectedBeforeExecution()
    {
        const int ofTypes = 14; // __schema types fields type + 14 ofType + name = 19 levels, above the limit of 15
        var query = "{ __schema { types { fields { type { " + string.Concat(Enumerable.Repeat("ofType { ", ofTypes)) + "name"
            + string.Concat(Enumerable.Repeat(" }", ofTypes)) + " } } } } }";

        var response = await fixture.Client().PostAsync(query);

        Assert.Equal(["COMPLEXITY"], response.ErrorCodes);
        Assert.Null(response.Json!["data"]);
    }

    private const string FullIntrospection = """
        __schema { queryType { name } mutationType { name } types { kind name description
          fields(includeDeprecated: true) { name description args { name description type { ...T } defaultValue } type { ...T } isDeprecated deprecationReason }
          inputFields { name description type { ...T } defaultValue } interfaces { ...T } enumValues(includeDeprecated: true) { name description } possibleTypes { ...T } }
          directives { name description locations args { name description type { ...T } defaultValue } } }
        """;

    private const string TypeRef = "fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } }";

    [Fact]
    public async Task Post_FullIntrospection_IsHeldToTheDepthLimitOnly_WhateverTheSchemasSize()
    {
        var response = await fixture.Client().PostAsync("query IntrospectionQuery { " + FullIntrospection + " } " + TypeRef);

        response.EnsureNoErrors();
        Assert.True(response.Data!["__schema"]!["types"]!.AsArray().Count > 20);
    }

    [Fact]
    public async Task Post_IntrospectionAliasedManyTimes_IsHeldToTheComplexityLimit()
    {
        var query = "{ " + string.Join(" ", Enumerable.Range(0, 4).Select(i => $"s{i}: " + FullIntrospection)) + " } " + TypeRef;

        var response = await fixture.Client().PostAsync(query);

        Assert.Equal(["COMPLEXITY"], response.ErrorCodes);
    }

    [Fact]
    public async Task Post_WhenQueryTooComplex_ReturnsComplexityError()
    {
        var query = "{ " + string.Join(" ", Enumerable.Range(0, 15).Select(i =>
            $"p{i}: products(first: 50) {{ nodes {{ sku name description stock category {{ name slug description }} }} }}")) + " }";

        var response = await fixture.Client().PostAsync(query);

        Assert.Equal(["COMPLEXITY"], response.ErrorCodes);
    }

    [Fact]
    public async Task Get_WhenMutationDocumentWasCachedByPost_StillReturns405()
    {
        const string mutation = "mutation CachedThenGet { setProductStock(input: { id: \"UHJvZHVjdDox\", stock: 1 }) { errors { code } } }";
        await fixture.Client().PostAsync(mutation); // executed (and denied): the document is now cached

        var response = await SendAsync(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(mutation), accept: "application/graphql-response+json");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Null(response.Json!["data"]);
    }

    [Fact]
    public async Task Post_WhenCachedDocumentRunsWithLargerPageVariables_ComplexityIsCheckedAgain()
    {
        var query = "query($n: Int) { " + string.Join(" ", Enumerable.Range(0, 15).Select(i =>
            $"p{i}: products(first: $n) {{ nodes {{ sku name description stock category {{ name slug description }} }} }}")) + " }";

        var small = await fixture.Client().PostAsync(query, new { n = 1 });
        var large = await fixture.Client().PostAsync(query, new { n = 50 });

        small.EnsureNoErrors();
        Assert.Equal(["COMPLEXITY"], large.ErrorCodes);
    }
}
