using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ConnectingNer.Api.Tests.Identity;

/// <summary>The OAuth edges an outside probe tried: PKCE plain, a partner's token at userinfo, and malformed input everywhere.</summary>
[Collection(ApiCollection.Name)]
public sealed class OAuthEdgeTests(ApiFixture fixture) : IAsyncLifetime
{
    private static Task? _setup;

    // The cases only read (and are refused): the clients and an account are set up once for the class.
    public Task InitializeAsync() => _setup ??= SetUpAsync();

    private async Task SetUpAsync()
    {
        await fixture.ResetAsync();
        await fixture.CreateAccountAsync("edge@example.in", "edge-case-pass-1");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Discovery_OffersS256Only()
    {
        var document = JsonNode.Parse(await fixture.Factory.CreateClient().GetStringAsync("/.well-known/openid-configuration"))!;

        Assert.Equal(["S256"], document["code_challenge_methods_supported"]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Fact]
    public async Task AuthorizeWithPlainPkce_IsRefused()
    {
        var flow = new CodeFlow(TestClients.WebId, TestClients.WebRedirect, "openid");
        var url = flow.AuthorizeUrl(pkce: false, extra: new Dictionary<string, string?>
        {
            ["code_challenge"] = flow.Verifier, ["code_challenge_method"] = "plain",
        });

        var page = await Browser.For(fixture.Factory).GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Null(page.Location);
        Assert.Contains("code_challenge_method", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserInfo_WithAPartnersToken_Answers401InvalidToken()
    {
        var token = await fixture.PartnerTokenAsync(TestClients.FeedId, TestClients.FeedSecret, "catalog:read");
        var http = fixture.Factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await http.GetAsync("/connect/userinfo");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    public static readonly string[] Endpoints =
    [
        "/connect/authorize", "/connect/token", "/connect/introspect", "/connect/revoke", "/connect/userinfo", "/connect/endsession",
        "/account", "/account/login", "/account/register", "/account/confirm-email", "/account/forgot-password", "/account/reset-password",
        "/account/external/google", "/callback/login/google", "/.well-known/openid-configuration", "/.well-known/jwks",
    ];

    /// <summary>Query strings and bodies an attacker sends: missing, duplicated, oversized, wrongly typed, badly encoded values.</summary>
    public static readonly (string Query, string? ContentType, string? Body)[] Inputs =
    [
        ("", null, null),
        ("?client_id=&response_type=&redirect_uri=&scope=", null, null),
        ("?client_id=shop-web-test&client_id=other&response_type=code&response_type=token", null, null),
        ("?client_id=%00%01%02&redirect_uri=javascript:alert(1)&scope=%E0%A4", null, null),
        ("?returnUrl=%2F%2Fevil.example&userId=not-a-guid&code=%%%", null, null),
        ("?userId=" + Guid.NewGuid() + "&code=" + new string('A', 5000), null, null),
        ("?id_token_hint=eyJhbGciOiJub25lIn0.e30.&post_logout_redirect_uri=https://evil.example", null, null),
        ("", "application/x-www-form-urlencoded", "grant_type=authorization_code&code=&client_id=shop-web-test&code_verifier="),
        ("", "application/x-www-form-urlencoded", "grant_type=refresh_token&refresh_token=" + new string('x', 3000)),
        ("", "application/x-www-form-urlencoded", "grant_type=client_credentials&client_id=feed-test&client_secret=%FF%FE&scope=catalog:read catalog:read"),
        ("", "application/x-www-form-urlencoded", "token=abc&token_type_hint=refresh_token&client_id=feed-test&client_secret=feed-test-secret"),
        ("", "application/x-www-form-urlencoded", "email=%00&password=&__af=forged&returnUrl=http://evil.example"),
        ("", "application/x-www-form-urlencoded", "a=%ZZ&&&=&b=" + new string('%', 100)),
        ("", "application/json", "{\"grant_type\":\"client_credentials\"}"),
        ("", "text/plain", "\u0000\u0001binary\uFFFF"),
        ("", "multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\nx\r\n--"),
        ("", "application/x-www-form-urlencoded; charset=utf-7", "+AGEAYgBj-"),
    ];

    public static IEnumerable<object[]> Cases() =>
        from endpoint in Endpoints from method in new[] { "GET", "POST" } from i in Enumerable.Range(0, Inputs.Length)
        where method == "POST" || Inputs[i].Body is null
        select new object[] { endpoint, method, i };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task MalformedInput_ToAnOAuthOrAccountEndpoint_NeverGets5xx(string endpoint, string method, int input)
    {
        var (query, contentType, body) = Inputs[input];
        using var request = new HttpRequestMessage(new HttpMethod(method), endpoint + query);
        if (method == "POST")
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body ?? ""));
            if (contentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await fixture.Factory.CreateClient(new() { AllowAutoRedirect = false }).SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode < 500, $"{method} {endpoint}{query}: {(int)response.StatusCode} {text}");
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
    }
}
