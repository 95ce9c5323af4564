using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.Api.Tests.Operations;

/// <summary>The HTTP defaults: nosniff everywhere, the IDE out of frames, CORS from the allow-list only, and Production's HTTPS, HSTS, no IDE, no introspection.</summary>
[Collection(ApiCollection.Name)]
public sealed class HttpHardeningTests(ApiFixture fixture)
{
    [Theory]
    [InlineData("GET", "/graphql?query=%7B__typename%7D")]
    [InlineData("POST", "/graphql")]
    [InlineData("GET", "/health/live")]
    [InlineData("GET", "/account/login")]
    [InlineData("GET", "/no/such/page")]
    [InlineData("POST", "/connect/token")]
    [InlineData("GET", "/.well-known/openid-configuration")]
    [InlineData("GET", "/graphql/")]
    public async Task EveryResponse_SaysNoSniff(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST") request.Content = new StringContent("{", System.Text.Encoding.UTF8, "application/json");

        using var response = await fixture.Factory.CreateClient(new() { AllowAutoRedirect = false }).SendAsync(request);

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Theory]
    [InlineData("/graphql/")]
    [InlineData("/graphql/bcp-config.json")]
    public async Task TheIde_RefusesToBeFramed(string path)
    {
        using var response = await fixture.Factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type,authorization");
        return request;
    }

    [Fact]
    public async Task Cors_AllowsTheConfiguredShopOnly_WithoutCredentials()
    {
        await using var factory = new ApiFactory(fixture.Database.ConnectionString);
        var client = factory.WithWebHostBuilder(b => b.UseSetting("Http:AllowedOrigins:0", "https://shop.example.in")).CreateClient();

        using var shop = await client.SendAsync(Preflight("https://shop.example.in"));
        using var other = await client.SendAsync(Preflight("https://evil.example"));
        using var shopPost = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Headers = { { "Origin", "https://shop.example.in" } },
            Content = new StringContent("""{"query":"{ __typename }"}""", System.Text.Encoding.UTF8, "application/json"),
        });

        Assert.Equal("https://shop.example.in", Assert.Single(shop.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.False(shop.Headers.Contains("Access-Control-Allow-Credentials"));
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal("https://shop.example.in", Assert.Single(shopPost.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task Cors_WithoutConfiguration_AllowsNoOrigin()
    {
        using var response = await fixture.Factory.CreateClient().SendAsync(Preflight("http://localhost:3000"));

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Production_RedirectsToHttps_SendsHsts_AndServesNeitherIdeNorIntrospection()
    {
        await using var factory = new ApiFactory(fixture.Database.ConnectionString, environment: "Production");
        var http = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });
        var https = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        using var redirected = await http.GetAsync("/health/live");
        using var secure = await https.GetAsync("/health/live");
        using var ide = await https.GetAsync("/graphql/");
        var introspection = await new GraphQLClient(https).PostAsync("{ __schema { queryType { name } } }");
        using var sdl = await https.GetAsync("/graphql?sdl");
        var typename = await new GraphQLClient(https).PostAsync("{ __typename }");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
        Assert.Equal("https://localhost/health/live", redirected.Headers.Location!.ToString());
        Assert.Contains("max-age=31536000", Assert.Single(secure.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, ide.StatusCode);
        Assert.Null(introspection.Data);
        Assert.NotEmpty(introspection.ErrorCodes);
        Assert.Equal(HttpStatusCode.NotFound, sdl.StatusCode);
        typename.EnsureNoErrors();
    }

    [Fact]
    public async Task Production_TakesTheClientsSchemeFromForwardedHeaders_OnlyFromAConfiguredProxy()
    {
        await using var factory = new ApiFactory(fixture.Database.ConnectionString, environment: "Production");
        var http = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new FromAddress("203.0.113.9"))))
            .CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live") { Headers = { { "X-Forwarded-Proto", "https" } } };

        var proxied = factory.WithWebHostBuilder(b => b
                .UseSetting("Http:KnownProxies:0", "203.0.113.9")
                .ConfigureServices(s => s.AddSingleton<IStartupFilter>(new FromAddress("203.0.113.9"))))
            .CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });
        using var fromProxy = new HttpRequestMessage(HttpMethod.Get, "/health/live") { Headers = { { "X-Forwarded-Proto", "https" } } };

        // The connection comes from an address nobody configured as a proxy: the header is not believed, the redirect stays.
        using var response = await http.SendAsync(request);
        // The configured proxy is believed: the client spoke HTTPS to it.
        using var believed = await proxied.SendAsync(fromProxy);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, believed.StatusCode);
    }

    /// <summary>Gives the test server's connections a remote address (it has none of its own).</summary>
    private sealed class FromAddress(string address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(address);
                return following(context);
            });
            next(app);
        };
    }
}
