using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConnectingNer.Api.Tests.Infrastructure;

/// <summary>A thin GraphQL-over-HTTP client for tests: sends documents, returns status and parsed JSON.</summary>
public sealed class GraphQLClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public GraphQLClient As(string user, string? scopes = null, string? roles = null)
    {
        Http.DefaultRequestHeaders.Add("X-Test-User", user);
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Test");
        if (scopes is not null) Http.DefaultRequestHeaders.Add("X-Test-Scopes", scopes);
        if (roles is not null) Http.DefaultRequestHeaders.Add("X-Test-Roles", roles);
        return this;
    }

    public GraphQLClient AsCatalogManager() => As("staff-1", roles: "catalog_manager");

    public async Task<GraphQLResponse> PostAsync(string query, object? variables = null, string accept = "application/json", string? operationName = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables, operationName }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        return await SendAsync(request);
    }

    public async Task<GraphQLResponse> SendAsync(HttpRequestMessage request)
    {
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text);
        return new GraphQLResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, json, text);
    }
}

public sealed record GraphQLResponse(HttpStatusCode Status, string? ContentType, JsonNode? Json, string Text)
{
    public JsonNode? Data => Json?["data"];

    public JsonArray? Errors => Json?["errors"] as JsonArray;

    public IReadOnlyList<string> ErrorCodes =>
        Errors?.Select(e => e?["extensions"]?["code"]?.GetValue<string>() ?? "<none>").ToList() ?? [];

    /// <summary>The body indented, as snapshots store it (readable in a diff).</summary>
    public string Pretty() => Json!.ToJsonString(PrettyOptions);

    private static readonly JsonSerializerOptions PrettyOptions = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Fails with the whole body when the response carries errors.</summary>
    public GraphQLResponse EnsureNoErrors()
    {
        Assert.True(Errors is null || Errors.Count == 0, "Unexpected errors: " + Text);
        return this;
    }
}
