using ConnectingNer.Infrastructure.Accounts;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ConnectingNer.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.Api.Tests.Identity;

/// <summary>
/// What an outside probe found on accounts, closed: no answer (or its cost) tells whether an address has an account,
/// one per-address limit on every way in, and no tokens for an account until its address is confirmed; confirming,
/// resetting a password and an administrator's lock end every session.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AccountHardeningTests(ApiFixture fixture) : IAsyncLifetime
{
    private const string Owner = "owner@example.in";
    private const string OwnerPassword = "brahmaputra-7";
    private Guid _owner;

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        _owner = await fixture.CreateAccountAsync(Owner, OwnerPassword);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private const string Register = """
        mutation($input: RegisterCustomerInput!) { registerCustomer(input: $input) { registration { email nextStep } errors { code field message } } }
        """;

    private static object Registration(string email, string password) => new { input = new { email, password } };

    /// <summary>Counts the password hashing work a request costs (the part of its time that could tell accounts apart).</summary>
    private sealed class CountingHasher(PasswordHasher<AppUser> inner) : IPasswordHasher<AppUser>
    {
        public static int Hashes;
        public static int Verifications;

        public string HashPassword(AppUser user, string password)
        {
            Interlocked.Increment(ref Hashes);
            return inner.HashPassword(user, password);
        }

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref Verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private async Task<(int Hashes, int Verifications, T Result)> CountAsync<T>(Func<Task<T>> request)
    {
        await request(); // warm: the decoy hash is made once per process
        var (hashes, verifications) = (CountingHasher.Hashes, CountingHasher.Verifications);
        var result = await request();
        return (CountingHasher.Hashes - hashes, CountingHasher.Verifications - verifications, result);
    }

    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> Counting(ApiFactory factory) =>
        factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddScoped<IPasswordHasher<AppUser>>(_ => new CountingHasher(new PasswordHasher<AppUser>()))));

    [Fact]
    public async Task RegisterCustomer_WithATooSimplePassword_AnswersTheSame_ForATakenAndANewAddress()
    {
        var taken = await fixture.Client().PostAsync(Register, Registration(Owner, "aaaaaaaaaa"));
        var fresh = await fixture.Client().PostAsync(Register, Registration("nobody-yet@example.in", "aaaaaaaaaa"));

        Assert.Equal(["account.password_too_simple"], Codes(taken));
        Assert.Equal(Codes(taken), Codes(fresh));
        Assert.Null(taken.Data!["registerCustomer"]!["registration"]);
        // Judged before the lookup: the owner is not even told someone tried.
        Assert.DoesNotContain(fixture.Factory.Emails.Sent, e => e.To == Owner);
    }

    private static string[] Codes(GraphQLResponse response) =>
        [.. response.Data!["registerCustomer"]!["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>())];

    [Fact]
    public async Task RegisterCustomer_CostsTheSamePasswordHashing_ForATakenAndANewAddress()
    {
        await using var factory = new ApiFactory(fixture.Database.ConnectionString);
        var host = Counting(factory);
        var n = 0;

        var taken = await CountAsync(() => new GraphQLClient(host.CreateClient()).PostAsync(Register, Registration(Owner, "kaziranga-9")));
        var fresh = await CountAsync(() => new GraphQLClient(host.CreateClient()).PostAsync(Register, Registration($"new{n++}@example.in", "kaziranga-9")));

        Assert.Equal(1, fresh.Hashes);
        Assert.Equal(fresh.Hashes, taken.Hashes);
        Assert.Equal(fresh.Verifications, taken.Verifications);
        Assert.Equal(fresh.Result.Data!["registerCustomer"]!["registration"]!["nextStep"]!.ToJsonString(),
            taken.Result.Data!["registerCustomer"]!["registration"]!["nextStep"]!.ToJsonString());
    }

    private static async Task<Page> SignInAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> host, string email, string password)
    {
        var browser = Browser.For(host);
        return await browser.SubmitAsync(await browser.GetAsync("/account/login"),
            new Dictionary<string, string> { ["email"] = email, ["password"] = password });
    }

    [Fact]
    public async Task SignIn_AnswersAnUnknownAddress_AWrongPassword_AndALockedAccount_Alike_AtTheSameHashingCost()
    {
        await using var factory = new ApiFactory(fixture.Database.ConnectionString);
        var host = Counting(factory);
        var locked = await fixture.CreateAccountAsync("locked@example.in", "locked-pass-12");
        for (var i = 0; i < 5; i++) await SignInAsync(host, "locked@example.in", "not-the-password");

        var unknown = await CountAsync(() => SignInAsync(host, "stranger@example.in", "whatever-pass-1"));
        var wrong = await CountAsync(() => SignInAsync(host, Owner, "whatever-pass-1"));
        var lockedOut = await CountAsync(() => SignInAsync(host, "locked@example.in", "locked-pass-12"));

        foreach (var (_, verifications, page) in new[] { unknown, wrong, lockedOut })
        {
            Assert.Equal(HttpStatusCode.BadRequest, page.Status);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(ConnectingNer.Api.Accounts.AccountPages.SignInFailed), page.Html, StringComparison.Ordinal);
            Assert.Equal(1, verifications);
        }

        Assert.Equal(Strip(unknown.Result.Html), Strip(lockedOut.Result.Html));
        Assert.Equal(Strip(unknown.Result.Html), Strip(wrong.Result.Html));
        Assert.NotEqual(Guid.Empty, locked);
    }

    /// <summary>A page without its per-request parts (the anti-forgery token and the email typed back into the form).</summary>
    private static string Strip(string html) => System.Text.RegularExpressions.Regex.Replace(html, "value=\"[^\"]*\"", "value=\"\"");

    [Fact]
    public async Task OneLimitPerAddress_CoversRegistrationOverGraphQL_AndTheSignInPage()
    {
        await using var factory = new ApiFactory(fixture.Database.ConnectionString);
        await using var host = factory.WithWebHostBuilder(b => b.UseSetting("Identity:AccountAttemptsPerMinute", "3"));

        var first = await new GraphQLClient(host.CreateClient()).PostAsync(Register, Registration("one@example.in", "kaziranga-9"));
        var second = await new GraphQLClient(host.CreateClient()).PostAsync(Register, Registration("two@example.in", "kaziranga-9"));
        var page = await SignInAsync(host, Owner, "whatever-pass-1");
        var overGraphQL = await new GraphQLClient(host.CreateClient()).PostAsync(Register, Registration("three@example.in", "kaziranga-9"));
        var overPage = await SignInAsync(host, Owner, OwnerPassword);

        Assert.Empty(Codes(first));
        Assert.Empty(Codes(second));
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(["account.too_many_attempts"], Codes(overGraphQL));
        Assert.Equal(HttpStatusCode.TooManyRequests, overPage.Status);
    }

    // ---- account pre-hijacking ----

    private HttpClient Http() => fixture.Factory.CreateClient();

    private async Task<JsonNode> TokensAsync(string email, string password)
    {
        var flow = new CodeFlow(TestClients.WebId, TestClients.WebRedirect);
        var back = await flow.SignInAsync(Browser.For(fixture.Factory), email, password);
        var (status, body) = await flow.RedeemAsync(Http(), back.LocationParameter("code")!, TestClients.WebSecret);
        Assert.True(status == HttpStatusCode.OK, body.ToJsonString());
        return body;
    }

    private async Task<GraphQLResponse> MeAsync(JsonNode tokens)
    {
        var http = Http();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens["access_token"]!.GetValue<string>());
        return await new GraphQLClient(http).PostAsync("{ me { email } }");
    }

    private Task<(HttpStatusCode Status, JsonNode Body)> RefreshAsync(JsonNode tokens) =>
        new CodeFlow(TestClients.WebId, TestClients.WebRedirect).RefreshAsync(Http(), tokens["refresh_token"]!.GetValue<string>(), TestClients.WebSecret);

    private async Task AssertEndedAsync(JsonNode tokens)
    {
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], (await MeAsync(tokens)).ErrorCodes);
        var (status, body) = await RefreshAsync(tokens);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnAccountRegisteredWithSomeoneElsesAddress_GetsNoTokens_UntilTheAddressIsConfirmed()
    {
        // The attacker registers the victim's address with a password of their own and tries to sign in.
        (await fixture.Client().PostAsync(Register, Registration("victim@example.in", "attacker-pass-1"))).EnsureNoErrors();
        var flow = new CodeFlow(TestClients.WebId, TestClients.WebRedirect);
        var browser = Browser.For(fixture.Factory);
        var login = await browser.FollowAsync(await browser.GetAsync(flow.AuthorizeUrl()), flow.IsRedirectUri);
        fixture.Factory.Emails.Clear();

        var refused = await browser.FollowAsync(await browser.SubmitAsync(login,
            new Dictionary<string, string> { ["email"] = "victim@example.in", ["password"] = "attacker-pass-1" }), flow.IsRedirectUri);

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("Confirm your email address first", refused.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(browser.History, flow.IsRedirectUri);
        // The new link goes to the address (the victim), not to whoever typed the password.
        Assert.Contains("/account/confirm-email", fixture.Factory.Emails.Last("victim@example.in").Link(), StringComparison.Ordinal);
        var session = await browser.GetAsync("/account");
        Assert.Equal("/account/login", session.Location?.AbsolutePath);
    }

    [Fact]
    public async Task APasswordReset_EndsEverySession()
    {
        var tokens = await TokensAsync(Owner, OwnerPassword);
        (await MeAsync(tokens)).EnsureNoErrors();
        var browser = Browser.For(fixture.Factory);
        await browser.SubmitAsync(await browser.GetAsync("/account/forgot-password"), new Dictionary<string, string> { ["email"] = Owner });
        var form = await browser.GetAsync(fixture.Factory.Emails.Last(Owner).Link());

        var reset = await browser.SubmitAsync(form, new Dictionary<string, string> { ["password"] = "new-brahmaputra-8" });

        Assert.Equal(HttpStatusCode.OK, reset.Status);
        await AssertEndedAsync(tokens);
    }

    [Fact]
    public async Task ConfirmingTheAddress_EndsEverySession()
    {
        var tokens = await TokensAsync(Owner, OwnerPassword);
        string code;
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            code = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(
                await users.GenerateEmailConfirmationTokenAsync((await users.FindByIdAsync(_owner.ToString()))!)));
        }

        var confirmed = await Browser.For(fixture.Factory).GetAsync($"/account/confirm-email?userId={_owner}&code={code}");

        Assert.Equal(HttpStatusCode.OK, confirmed.Status);
        await AssertEndedAsync(tokens);
    }

    [Fact]
    public async Task AnAdministratorsLock_EndsEverySession_AndRefusesNewTokens()
    {
        var tokens = await TokensAsync(Owner, OwnerPassword);

        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var locked = await users.SetLockoutEndDateAsync((await users.FindByIdAsync(_owner.ToString()))!, DateTimeOffset.UtcNow.AddHours(1));
            Assert.True(locked.Succeeded);
        }

        await AssertEndedAsync(tokens);
    }

    [Fact]
    public async Task RedeemingARefreshToken_ChecksTheAccountsSecurityStamp()
    {
        var tokens = await TokensAsync(Owner, OwnerPassword);
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            // Only the stamp changes (no revocation): the refresh token must still be refused.
            var store = scope.ServiceProvider.GetRequiredService<IUserStore<AppUser>>();
            var user = (await store.FindByIdAsync(_owner.ToString(), CancellationToken.None))!;
            await ((IUserSecurityStampStore<AppUser>)store).SetSecurityStampAsync(user, Guid.NewGuid().ToString("N"), CancellationToken.None);
            await store.UpdateAsync(user, CancellationToken.None);
        }

        var (status, body) = await RefreshAsync(tokens);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body["error"]!.GetValue<string>());
    }
}
