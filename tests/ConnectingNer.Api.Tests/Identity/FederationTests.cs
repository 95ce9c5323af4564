using ConnectingNer.Infrastructure.Accounts;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.Api.Tests.Identity;

/// <summary>Two fake OpenID providers on 127.0.0.1, registered as Google and Facebook, for every federation test.</summary>
public sealed class FakeProvidersFixture : IAsyncLifetime
{
    public FakeOpenIdProvider Google { get; private set; } = null!;

    public FakeOpenIdProvider Facebook { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Google = await FakeOpenIdProvider.StartAsync("/callback/login/google");
        Facebook = await FakeOpenIdProvider.StartAsync("/callback/login/facebook");
    }

    public async Task DisposeAsync()
    {
        await Google.DisposeAsync();
        await Facebook.DisposeAsync();
    }
}

/// <summary>
/// Social login end to end: our authorize endpoint → the provider → our callback → our code → our token → /graphql,
/// every hop over HTTP with cookie jars (the fake provider on real Kestrel, our server in-process).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class FederationTests(ApiFixture fixture, FakeProvidersFixture providers) : IClassFixture<FakeProvidersFixture>, IAsyncLifetime
{
    private ApiFactory _factory = null!;
    private WebApplicationFactory<Program> _host = null!;
    private readonly HttpClient _outside = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true });

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        _factory = new ApiFactory(fixture.Database.ConnectionString);
        _host = _factory.WithWebHostBuilder(builder =>
        {
            foreach (var (name, provider) in new[] { ("Google", providers.Google), ("Facebook", providers.Facebook) })
            {
                builder.UseSetting($"Identity:ExternalProviders:{name}:Authority", provider.Issuer.ToString());
                builder.UseSetting($"Identity:ExternalProviders:{name}:ClientId", FakeOpenIdProvider.ClientId);
                builder.UseSetting($"Identity:ExternalProviders:{name}:ClientSecret", FakeOpenIdProvider.ClientSecret);
            }

            builder.UseSetting("Identity:ExternalProviders:Facebook:EmailsAreVerified", "true");
        });
    }

    public async Task DisposeAsync()
    {
        _outside.Dispose();
        await _host.DisposeAsync();
        await _factory.DisposeAsync();
    }

    private static CodeFlow Web() => new(TestClients.WebId, TestClients.WebRedirect);

    /// <summary>Authorize with an <c>idp</c> hint and follow every hop until the code comes back to the web shop.</summary>
    private async Task<(Browser Browser, Page Last)> SignInWithAsync(string idp, CodeFlow flow)
    {
        var browser = Browser.For(_host, _outside);
        var last = await browser.FollowAsync(
            await browser.GetAsync(flow.AuthorizeUrl(new Dictionary<string, string?> { ["idp"] = idp })), flow.IsRedirectUri);
        return (browser, last);
    }

    private async Task<string> AccessTokenAsync(CodeFlow flow, Page back)
    {
        var (status, body) = await flow.RedeemAsync(_host.CreateClient(), back.LocationParameter("code")!, TestClients.WebSecret);
        Assert.True(status == HttpStatusCode.OK, body.ToJsonString());
        return body["access_token"]!.GetValue<string>();
    }

    private async Task<GraphQLResponse> GraphQLAsync(string token, string query)
    {
        var http = _host.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await new GraphQLClient(http).PostAsync(query);
    }

    private const string Me = "{ me { id email emailConfirmed hasPassword externalLogins { provider } } }";

    [Fact]
    public async Task FirstGoogleSignIn_CreatesAVerifiedCustomer_SkipsOurPage_AndTheTokenCallsGraphQLAsThem()
    {
        providers.Google.Next = new FakeAccount("google-meera", "meera@gmail.com", true, "Meera Das");
        var redeemedBefore = providers.Google.Redeemed;
        var flow = Web();

        var (browser, back) = await SignInWithAsync("google", flow);
        var me = (await GraphQLAsync(await AccessTokenAsync(flow, back), Me)).Data!["me"]!;

        Assert.DoesNotContain(browser.History, uri => uri.AbsolutePath == "/account/login");
        Assert.Contains(browser.History, uri => uri.Host == "127.0.0.1" && uri.AbsolutePath == "/authorize");
        Assert.Contains(browser.History, uri => uri.AbsolutePath == "/callback/login/google");
        Assert.Equal(redeemedBefore + 1, providers.Google.Redeemed);
        Assert.Equal("meera@gmail.com", me["email"]!.GetValue<string>());
        Assert.True(me["emailConfirmed"]!.GetValue<bool>());
        Assert.False(me["hasPassword"]!.GetValue<bool>());
        Assert.Equal("Google", me["externalLogins"]![0]!["provider"]!.GetValue<string>());
    }

    [Fact]
    public async Task FirstSignIn_WithAnEmailTheProviderDidNotVerify_GetsNoTokens_UntilTheAddressIsConfirmed()
    {
        providers.Google.Next = new FakeAccount("google-unverified", "unverified@gmail.com", false, "Unverified");
        var flow = Web();

        var (browser, last) = await SignInWithAsync("google", flow);
        var link = _factory.Emails.Last("unverified@gmail.com").Link();
        await browser.GetAsync(link);
        providers.Google.Next = new FakeAccount("google-unverified", "unverified@gmail.com", false, "Unverified");
        var (_, back) = await SignInWithAsync("google", Web());

        Assert.Equal(HttpStatusCode.Forbidden, last.Status);
        Assert.Contains("Confirm your email address first", last.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(browser.History, flow.IsRedirectUri);
        Assert.NotNull(back.LocationParameter("code"));
    }

    [Fact]
    public async Task SecondGoogleSignIn_FindsTheSameCustomer()
    {
        providers.Google.Next = new FakeAccount("google-ravi", "ravi@gmail.com", true, "Ravi");
        var first = Web();
        var (_, firstBack) = await SignInWithAsync("google", first);
        var firstId = (await GraphQLAsync(await AccessTokenAsync(first, firstBack), Me)).Data!["me"]!["id"]!.GetValue<string>();

        var second = Web();
        var (_, secondBack) = await SignInWithAsync("google", second);
        var secondId = (await GraphQLAsync(await AccessTokenAsync(second, secondBack), Me)).Data!["me"]!["id"]!.GetValue<string>();

        Assert.Equal(firstId, secondId);
    }

    [Fact]
    public async Task VerifiedEmailOfAConfirmedAccount_IsLinkedToThatAccount()
    {
        var id = await fixture.CreateAccountAsync("asha@example.in", "brahmaputra-1");
        providers.Google.Next = new FakeAccount("google-asha", "asha@example.in", true, "Asha");
        var flow = Web();

        var (_, back) = await SignInWithAsync("google", flow);
        var me = (await GraphQLAsync(await AccessTokenAsync(flow, back), Me)).Data!["me"]!;

        Assert.Equal(ConnectingNer.GraphQL.Server.Relay.GlobalId.Encode("Customer", id.ToString()), me["id"]!.GetValue<string>());
        Assert.True(me["hasPassword"]!.GetValue<bool>());
        Assert.Equal("Google", me["externalLogins"]![0]!["provider"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(false, true)]  // the provider does not vouch for the address
    [InlineData(true, false)] // the account never confirmed it (someone may have registered another's address)
    public async Task UnverifiedEmail_OnEitherSide_IsNotLinked(bool providerVerified, bool accountConfirmed)
    {
        var id = await fixture.CreateAccountAsync("asha@example.in", "brahmaputra-1", accountConfirmed);
        providers.Google.Next = new FakeAccount("google-mallory", "asha@example.in", providerVerified, "Mallory");

        var (_, last) = await SignInWithAsync("google", Web());

        Assert.Equal(HttpStatusCode.Conflict, last.Status);
        Assert.Contains("Sign in with your password", last.Html, StringComparison.Ordinal);
        await using var scope = _host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ConnectingNer.Infrastructure.Accounts.AppUser>>();
        Assert.Empty(await users.GetLoginsAsync((await users.FindByIdAsync(id.ToString()))!));
    }

    [Fact]
    public async Task Facebook_ConfiguredAsSharingOnlyVerifiedEmails_LinksWithoutAnEmailVerifiedClaim()
    {
        await fixture.CreateAccountAsync("bina@example.in", "brahmaputra-2");
        providers.Facebook.Next = new FakeAccount("fb-bina", "bina@example.in", null, "Bina");
        var flow = Web();

        var (_, back) = await SignInWithAsync("facebook", flow);
        var me = (await GraphQLAsync(await AccessTokenAsync(flow, back), Me)).Data!["me"]!;

        Assert.Equal("Facebook", me["externalLogins"]![0]!["provider"]!.GetValue<string>());
    }

    [Fact]
    public async Task ProviderWithoutAnEmail_GetsAClearPage_AndNoAccount()
    {
        providers.Google.Next = new FakeAccount("google-noemail", null, null, "No Email");

        var (_, last) = await SignInWithAsync("google", Web());

        Assert.Equal(HttpStatusCode.BadRequest, last.Status);
        Assert.Contains("did not share your email address", last.Html, StringComparison.Ordinal);
    }

    private static string Unlink(string provider) =>
        $$"""mutation { unlinkExternalLogin(input: { provider: "{{provider}}" }) { customer { externalLogins { provider } } errors { code field } } }""";

    [Fact]
    public async Task Unlink_IsRefusedForTheOnlyWayToSignIn_AndWorksWhenAPasswordRemains()
    {
        providers.Google.Next = new FakeAccount("google-only", "only@gmail.com", true, "Only Google");
        var socialOnly = Web();
        var (_, socialBack) = await SignInWithAsync("google", socialOnly);
        var socialToken = await AccessTokenAsync(socialOnly, socialBack);
        await fixture.CreateAccountAsync("both@example.in", "brahmaputra-3");
        providers.Google.Next = new FakeAccount("google-both", "both@example.in", true, "Both");
        var both = Web();
        var (_, bothBack) = await SignInWithAsync("google", both);
        var bothToken = await AccessTokenAsync(both, bothBack);

        var refused = (await GraphQLAsync(socialToken, Unlink("Google"))).Data!["unlinkExternalLogin"]!;
        var unlinked = (await GraphQLAsync(bothToken, Unlink("google"))).Data!["unlinkExternalLogin"]!;
        var missing = (await GraphQLAsync(bothToken, Unlink("Google"))).Data!["unlinkExternalLogin"]!;

        Assert.Equal("account.last_sign_in_method", refused["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Null(refused["customer"]);
        Assert.Empty(unlinked["errors"]!.AsArray());
        Assert.Empty(unlinked["customer"]!["externalLogins"]!.AsArray());
        Assert.Equal("account.external_login_not_found", missing["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("Google", (await GraphQLAsync(socialToken, Me)).Data!["me"]!["externalLogins"]![0]!["provider"]!.GetValue<string>());
    }

    [Fact]
    public async Task SignedInCustomer_LinksGoogleFromTheirSession()
    {
        await fixture.CreateAccountAsync("dev@example.in", "brahmaputra-4", confirmed: true);
        providers.Google.Next = new FakeAccount("google-dev", "dev.other@gmail.com", true, "Dev");
        var browser = Browser.For(_host, _outside);
        var login = await browser.GetAsync("/account/login");
        await browser.SubmitAsync(login, new Dictionary<string, string> { ["email"] = "dev@example.in", ["password"] = "brahmaputra-4" });

        var linked = await browser.FollowAsync(await browser.GetAsync("/account/external/google?returnUrl=%2Faccount"));
        var flow = Web();
        var back = await browser.FollowAsync(await browser.GetAsync(flow.AuthorizeUrl()), flow.IsRedirectUri);
        var me = (await GraphQLAsync(await AccessTokenAsync(flow, back), Me)).Data!["me"]!;

        Assert.Equal(HttpStatusCode.OK, linked.Status);
        Assert.Equal("dev@example.in", me["email"]!.GetValue<string>());
        Assert.Equal("Google", me["externalLogins"]![0]!["provider"]!.GetValue<string>());
    }
}
