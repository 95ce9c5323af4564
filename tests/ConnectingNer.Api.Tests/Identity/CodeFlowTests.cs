using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace ConnectingNer.Api.Tests.Identity;

/// <summary>People signing in: authorization code + PKCE through the real sign-in page, refresh tokens, sign-out.</summary>
[Collection(ApiCollection.Name)]
public sealed class CodeFlowTests(ApiFixture fixture) : IAsyncLifetime
{
    private const string Email = "asha@example.in";
    private const string Password = "brahmaputra-1";

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        await fixture.CreateAccountAsync(Email, Password);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static CodeFlow Web(string scope = "openid profile email offline_access orders:read") => new(TestClients.WebId, TestClients.WebRedirect, scope);

    private static CodeFlow Mobile() => new(TestClients.MobileId, TestClients.MobileRedirect);

    private HttpClient Http() => fixture.Factory.CreateClient();

    private async Task<JsonNode> SignedInTokensAsync(CodeFlow flow, string? secret = TestClients.WebSecret, Browser? browser = null)
    {
        var back = await flow.SignInAsync(browser ?? Browser.For(fixture.Factory), Email, Password);
        var (status, body) = await flow.RedeemAsync(Http(), back.LocationParameter("code")!, secret);
        Assert.True(status == HttpStatusCode.OK, body.ToJsonString());
        return body;
    }

    private async Task<GraphQLResponse> MeAsync(string accessToken)
    {
        var http = Http();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await new GraphQLClient(http).PostAsync("{ me { email emailConfirmed hasPassword externalLogins { provider } } }");
    }

    [Fact]
    public async Task WebClient_SignsInWithCodeAndPkce_AndItsTokenReadsMe()
    {
        var tokens = await SignedInTokensAsync(Web());

        var me = await MeAsync(tokens["access_token"]!.GetValue<string>());

        Assert.Equal(Email, me.Data!["me"]!["email"]!.GetValue<string>());
        Assert.True(me.Data["me"]!["hasPassword"]!.GetValue<bool>());
        Assert.NotNull(tokens["id_token"]);
        Assert.NotNull(tokens["refresh_token"]);
        Assert.Equal("Bearer", tokens["token_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task MobilePublicClient_SignsInWithoutASecret_ToItsCustomSchemeRedirect()
    {
        var flow = Mobile();
        var back = await flow.SignInAsync(Browser.For(fixture.Factory), Email, Password);

        var (status, body) = await flow.RedeemAsync(Http(), back.LocationParameter("code")!);

        Assert.StartsWith("in.connectingner.shop:/oauth2redirect?", back.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Email, (await MeAsync(body["access_token"]!.GetValue<string>())).Data!["me"]!["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task UserInfo_AnswersTheStandardClaimsOfTheGrantedScopes()
    {
        var tokens = await SignedInTokensAsync(Web());
        var http = Http();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens["access_token"]!.GetValue<string>());

        var info = JsonNode.Parse(await http.GetStringAsync("/connect/userinfo"))!;

        Assert.Equal(Email, info["email"]!.GetValue<string>());
        Assert.True(info["email_verified"]!.GetValue<bool>());
        Assert.NotNull(info["sub"]);
        Assert.Null(info["phone_number"]);
    }

    [Fact]
    public async Task AuthorizeWithoutPkce_IsRefused()
    {
        var flow = Web();
        var page = await Browser.For(fixture.Factory).GetAsync(flow.AuthorizeUrl(pkce: false));

        // Refused before the redirect URI is trusted: the error page, not a trip back to the client.
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Null(page.Location);
        Assert.Contains("code_challenge", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongVerifier_IsRefused()
    {
        var flow = Web();
        var back = await flow.SignInAsync(Browser.For(fixture.Factory), Email, Password);

        var (status, body) = await flow.RedeemAsync(Http(), back.LocationParameter("code")!, TestClients.WebSecret, verifier: new CodeFlow("x", "y").Verifier);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnregisteredRedirectUri_IsRefusedWithoutRedirecting()
    {
        var page = await Browser.For(fixture.Factory).GetAsync(Web().AuthorizeUrl(redirect: "https://evil.example/callback"));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Null(page.Location);
        Assert.Contains("invalid_request", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PartnerScopeInASignIn_IsRefusedWithInvalidScope()
    {
        var flow = Web("openid catalog:write");
        var page = await Browser.For(fixture.Factory).GetAsync(flow.AuthorizeUrl());

        Assert.Equal("invalid_scope", page.LocationParameter("error"));
    }

    [Fact]
    public async Task ReplayedCode_IsRefused_AndRevokesTheTokensItGave()
    {
        var flow = Web();
        var back = await flow.SignInAsync(Browser.For(fixture.Factory), Email, Password);
        var code = back.LocationParameter("code")!;
        var (_, first) = await flow.RedeemAsync(Http(), code, TestClients.WebSecret);

        var (status, replay) = await flow.RedeemAsync(Http(), code, TestClients.WebSecret);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", replay["error"]!.GetValue<string>());
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], (await MeAsync(first["access_token"]!.GetValue<string>())).ErrorCodes);
    }

    [Fact]
    public async Task RefreshToken_Rotates_AndAReplayRevokesTheWholeChain()
    {
        var flow = Web();
        var tokens = await SignedInTokensAsync(flow);
        var original = tokens["refresh_token"]!.GetValue<string>();

        var (status, rotated) = await flow.RefreshAsync(Http(), original, TestClients.WebSecret);
        var next = rotated["refresh_token"]!.GetValue<string>();
        var (replayStatus, replay) = await flow.RefreshAsync(Http(), original, TestClients.WebSecret);
        var (afterStatus, _) = await flow.RefreshAsync(Http(), next, TestClients.WebSecret);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEqual(original, next);
        Assert.Equal(HttpStatusCode.BadRequest, replayStatus);
        Assert.Equal("invalid_grant", replay["error"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, afterStatus);
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], (await MeAsync(rotated["access_token"]!.GetValue<string>())).ErrorCodes);
    }

    [Fact]
    public async Task SignOut_WithIdTokenHint_RevokesTheSessionsTokens_AndReturnsOnlyToARegisteredUri()
    {
        var browser = Browser.For(fixture.Factory);
        var flow = Web();
        var tokens = await SignedInTokensAsync(flow, browser: browser);
        var idToken = tokens["id_token"]!.GetValue<string>();

        var evil = await browser.GetAsync($"/connect/endsession?id_token_hint={idToken}&post_logout_redirect_uri={Uri.EscapeDataString("https://evil.example/")}");
        var signOut = await browser.GetAsync($"/connect/endsession?id_token_hint={idToken}&post_logout_redirect_uri={Uri.EscapeDataString(TestClients.WebSignedOut)}");

        Assert.Equal(HttpStatusCode.BadRequest, evil.Status);
        Assert.Null(evil.Location);
        Assert.Equal(TestClients.WebSignedOut, signOut.Location!.GetLeftPart(UriPartial.Path));
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], (await MeAsync(tokens["access_token"]!.GetValue<string>())).ErrorCodes);
        var (refreshStatus, _) = await flow.RefreshAsync(Http(), tokens["refresh_token"]!.GetValue<string>(), TestClients.WebSecret);
        Assert.Equal(HttpStatusCode.BadRequest, refreshStatus);
        // The browser session is gone: authorizing again shows the sign-in page.
        var again = await browser.FollowAsync(await browser.GetAsync(Web().AuthorizeUrl()), flow.IsRedirectUri);
        Assert.Contains("/account/login", again.Uri.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_WithoutHint_AsksForConfirmationFirst()
    {
        var browser = Browser.For(fixture.Factory);
        var tokens = await SignedInTokensAsync(Web(), browser: browser);

        var confirm = await browser.GetAsync("/connect/endsession");
        var stillValid = await MeAsync(tokens["access_token"]!.GetValue<string>());
        var done = await browser.SubmitAsync(confirm, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, confirm.Status);
        Assert.Contains("Sign out", confirm.Html, StringComparison.Ordinal);
        Assert.Equal(Email, stillValid.Data!["me"]!["email"]!.GetValue<string>());
        Assert.True(done.IsRedirect);
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], (await MeAsync(tokens["access_token"]!.GetValue<string>())).ErrorCodes);
    }

    [Fact]
    public async Task PromptNone_WithoutASession_AnswersLoginRequired()
    {
        var page = await Browser.For(fixture.Factory).GetAsync(Web().AuthorizeUrl(new Dictionary<string, string?> { ["prompt"] = "none" }));

        Assert.Equal("login_required", page.LocationParameter("error"));
    }

    [Fact]
    public async Task UnknownIdentityProvider_IsRefused()
    {
        var page = await Browser.For(fixture.Factory).GetAsync(Web().AuthorizeUrl(new Dictionary<string, string?> { ["idp"] = "myspace" }));

        Assert.Equal("invalid_request", page.LocationParameter("error"));
    }

    [Theory]
    [InlineData("https://evil.example/steal")]
    [InlineData("//evil.example/steal")]
    [InlineData("/\\evil.example/steal")]
    public async Task SignIn_NeverRedirectsOffSite(string returnUrl)
    {
        var browser = Browser.For(fixture.Factory);
        var login = await browser.GetAsync("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl));

        var done = await browser.SubmitAsync(login, new Dictionary<string, string>
        {
            ["email"] = Email, ["password"] = Password, ["returnUrl"] = returnUrl,
        });

        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.Equal("/account", done.Location!.AbsolutePath);
        Assert.Equal("localhost", done.Location.Host);
    }

    [Fact]
    public async Task StaffRole_FromTheAccount_OpensCatalogWrite_AndACustomerIsRefused()
    {
        await fixture.CreateAccountAsync("manager@connectingner.example", "catalog-manager-1", true, "catalog_manager");
        var flow = Web();
        var staffBack = await flow.SignInAsync(Browser.For(fixture.Factory), "manager@connectingner.example", "catalog-manager-1");
        var (_, staff) = await flow.RedeemAsync(Http(), staffBack.LocationParameter("code")!, TestClients.WebSecret);
        var customer = await SignedInTokensAsync(Web());

        const string mutation = """mutation { setProductStock(input: { id: "UHJvZHVjdDox", stock: 3 }) { product { stock } errors { code } } }""";
        async Task<GraphQLResponse> As(JsonNode tokens)
        {
            var http = Http();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens["access_token"]!.GetValue<string>());
            return await new GraphQLClient(http).PostAsync(mutation);
        }

        Assert.Equal(3, (await As(staff)).Data!["setProductStock"]!["product"]!["stock"]!.GetValue<int>());
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], (await As(customer)).ErrorCodes);
    }

    // Identity before action: tokens say when the person signed in, and prompt=login or max_age make them sign in again.
    [Fact]
    public async Task TheIdTokenCarriesAuthTime_AndPromptLoginOrMaxAge_AskForTheCredentialsAgain_DespiteALiveSession()
    {
        var browser = Browser.For(fixture.Factory);
        var before = DateTimeOffset.UtcNow.AddSeconds(-2);
        var first = new CodeFlow(TestClients.WebId, TestClients.WebRedirect);
        var back = await first.SignInAsync(browser, Email, Password);
        var (_, tokens) = await first.RedeemAsync(fixture.Factory.CreateClient(), back.LocationParameter("code")!, TestClients.WebSecret);
        var idToken = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(tokens["id_token"]!.GetValue<string>());
        var authTime = DateTimeOffset.FromUnixTimeSeconds(long.Parse(idToken.GetClaim("auth_time").Value));
        Assert.InRange(authTime, before, DateTimeOffset.UtcNow.AddSeconds(2));

        // The session is live: a plain authorize goes straight back to the client...
        var silent = new CodeFlow(TestClients.WebId, TestClients.WebRedirect);
        var straight = await browser.FollowAsync(await browser.GetAsync(silent.AuthorizeUrl()), silent.IsRedirectUri);
        Assert.True(straight.IsRedirect && silent.IsRedirectUri(straight.Location!), straight.Html);

        // ...but prompt=login and a max_age shorter than the session's age lead to the sign-in page first.
        foreach (var extra in new[] { new Dictionary<string, string?> { ["prompt"] = "login" }, new Dictionary<string, string?> { ["max_age"] = "0" } })
        {
            await Task.Delay(1100); // max_age counts whole seconds
            var flow = new CodeFlow(TestClients.WebId, TestClients.WebRedirect);
            var page = await browser.FollowAsync(await browser.GetAsync(flow.AuthorizeUrl(extra)), flow.IsRedirectUri);
            Assert.Contains("/account/login", page.Uri.AbsolutePath, StringComparison.Ordinal);
            var again = await flow.SignInAsync(browser, Email, Password, extra);
            Assert.NotNull(again.LocationParameter("code"));
        }
    }
}
