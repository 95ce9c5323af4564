using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace ConnectingNer.Api.Tests.Identity;

/// <summary>What the browser got back for one request.</summary>
public sealed record Page(Uri Uri, HttpStatusCode Status, Uri? Location, string Html)
{
    public bool IsRedirect => (int)Status is >= 300 and < 400;

    /// <summary>A query parameter of the redirect's target (<c>code</c>, <c>error</c>, <c>state</c>).</summary>
    public string? LocationParameter(string name) =>
        Location is null ? null : QueryHelpers.ParseQuery(Location.Query).TryGetValue(name, out var value) ? value.ToString() : null;
}

/// <summary>
/// A browser with a cookie jar, driven by hand: our host (TestServer, https://localhost) and, for social login, the
/// fake provider on 127.0.0.1, each with its own cookies. Redirects are followed only when asked, so tests see each hop.
/// </summary>
public sealed class Browser(HttpClient ours, HttpClient? external = null)
{
    public static Browser For(WebApplicationFactory<Program> factory, HttpClient? external = null) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost"),
        }), external);

    /// <summary>Every address the browser requested, in order.</summary>
    public List<Uri> History { get; } = [];

    private HttpClient ClientFor(Uri uri) =>
        uri.Host == "localhost" ? ours : external ?? throw new InvalidOperationException($"The browser cannot reach {uri}.");

    private static Uri Absolute(string url) => new(new Uri("https://localhost"), url);

    public async Task<Page> GetAsync(string url) => await SendAsync(new HttpRequestMessage(HttpMethod.Get, Absolute(url)));

    public async Task<Page> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        await SendAsync(new HttpRequestMessage(HttpMethod.Post, Absolute(url)) { Content = new FormUrlEncodedContent(fields) });

    private async Task<Page> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            History.Add(request.RequestUri!);
                using var response = await ClientFor(request.RequestUri!).SendAsync(request);
            var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l : new Uri(request.RequestUri!, l)) : null;
            return new Page(request.RequestUri!, response.StatusCode, location, await response.Content.ReadAsStringAsync());
        }
    }

    /// <summary>Follows redirects until a page, or until the target is <paramref name="stopAt"/> (a client's redirect URI).</summary>
    public async Task<Page> FollowAsync(Page page, Func<Uri, bool>? stopAt = null)
    {
        for (var hops = 0; page.IsRedirect && page.Location is { } next && !(stopAt?.Invoke(next) ?? false); hops++)
        {
            Assert.True(hops < 20, "redirect loop");
            page = await GetAsync(next.ToString());
        }

        return page;
    }

    /// <summary>Submits the page's first form: its hidden fields (anti-forgery token included) plus <paramref name="fields"/>.</summary>
    public Task<Page> SubmitAsync(Page page, IReadOnlyDictionary<string, string> fields)
    {
        var form = Regex.Match(page.Html, "<form method=\"post\" action=\"([^\"]*)\">(.*?)</form>", RegexOptions.Singleline);
        Assert.True(form.Success, $"no form on {page.Uri}: {page.Html}");
        var values = Regex.Matches(form.Groups[2].Value, "<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        foreach (var (key, value) in fields) values[key] = value;
        return PostAsync(WebUtility.HtmlDecode(form.Groups[1].Value), values);
    }
}

/// <summary>The client side of the code flow with PKCE, as a web shop or mobile app does it.</summary>
public sealed class CodeFlow(string clientId, string redirectUri, string scope = "openid profile email offline_access orders:read")
{
    public string Verifier { get; } = WebEncoders(RandomNumberGenerator.GetBytes(32));

    public string Challenge => WebEncoders(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));

    public string State { get; } = Guid.NewGuid().ToString("N");

    private static string WebEncoders(byte[] bytes) => Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(bytes);

    public string AuthorizeUrl(IDictionary<string, string?>? extra = null, bool pkce = true, string? redirect = null, string? scopeOverride = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = clientId, ["response_type"] = "code", ["redirect_uri"] = redirect ?? redirectUri,
            ["scope"] = scopeOverride ?? scope, ["state"] = State, ["nonce"] = "n-" + State,
        };
        if (pkce)
        {
            query["code_challenge"] = Challenge;
            query["code_challenge_method"] = "S256";
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) query[key] = value;
        return QueryHelpers.AddQueryString("/connect/authorize", query);
    }

    public bool IsRedirectUri(Uri uri) => uri.ToString().StartsWith(redirectUri, StringComparison.Ordinal);

    /// <summary>Walks authorize → sign-in page → authorize → back to the client; returns the last hop (to the redirect URI).</summary>
    public async Task<Page> SignInAsync(Browser browser, string email, string password, IDictionary<string, string?>? extra = null)
    {
        var page = await browser.FollowAsync(await browser.GetAsync(AuthorizeUrl(extra)), IsRedirectUri);
        if (!page.IsRedirect)
        {
            Assert.Contains("/account/login", page.Uri.AbsolutePath, StringComparison.Ordinal);
            page = await browser.FollowAsync(await browser.SubmitAsync(page, new Dictionary<string, string> { ["email"] = email, ["password"] = password }), IsRedirectUri);
        }

        Assert.True(page.Location is not null && IsRedirectUri(page.Location), $"not sent back to the client: {page.Status} {page.Location} {page.Html}");
        Assert.Equal(State, page.LocationParameter("state"));
        return page;
    }

    /// <summary>Redeems a code at the token endpoint (with the secret for a confidential client).</summary>
    public async Task<(HttpStatusCode Status, JsonNode Body)> RedeemAsync(HttpClient http, string code, string? secret = null, string? verifier = null)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = clientId, ["code"] = code, ["redirect_uri"] = redirectUri,
            ["code_verifier"] = verifier ?? Verifier,
        };
        if (secret is not null) form["client_secret"] = secret;
        return await PostAsync(http, form);
    }

    public async Task<(HttpStatusCode Status, JsonNode Body)> RefreshAsync(HttpClient http, string refreshToken, string? secret = null)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["client_id"] = clientId, ["refresh_token"] = refreshToken };
        if (secret is not null) form["client_secret"] = secret;
        return await PostAsync(http, form);
    }

    private static async Task<(HttpStatusCode Status, JsonNode Body)> PostAsync(HttpClient http, Dictionary<string, string> form)
    {
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }
}
