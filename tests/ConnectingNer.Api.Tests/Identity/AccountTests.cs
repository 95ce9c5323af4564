using ConnectingNer.Infrastructure.Accounts;
using Microsoft.EntityFrameworkCore;
using System.Net;
using ConnectingNer.Infrastructure.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.Api.Tests.Identity;

/// <summary>Local accounts: registering, confirming the address, lockout, password reset, and the forms' anti-forgery tokens.</summary>
[Collection(ApiCollection.Name)]
public sealed class AccountTests(ApiFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private const string Register = """
        mutation($input: RegisterCustomerInput!) {
          registerCustomer(input: $input) { registration { email nextStep } errors { code field } }
        }
        """;

    private async Task<AppUser?> FindAsync(string email)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
    }

    private async Task<Page> SignInAsync(Browser browser, string email, string password)
    {
        var login = await browser.GetAsync("/account/login");
        return await browser.SubmitAsync(login, new Dictionary<string, string> { ["email"] = email, ["password"] = password });
    }

    [Fact]
    public async Task RegisterCustomer_CreatesAnUnconfirmedAccount_AndTheEmailedLinkConfirmsIt()
    {
        var response = await fixture.Client().PostAsync(Register,
            new { input = new { email = "tara@example.in", password = "kaziranga-9", displayName = "Tara" } });
        var link = fixture.Factory.Emails.Last("tara@example.in").Link();
        var before = await FindAsync("tara@example.in");

        var confirmed = await Browser.For(fixture.Factory).GetAsync(link);

        Assert.Equal("t***@example.in", response.Data!["registerCustomer"]!["registration"]!["email"]!.GetValue<string>());
        Assert.False(before!.EmailConfirmed);
        Assert.NotEqual("kaziranga-9", before.PasswordHash);
        Assert.Equal(HttpStatusCode.OK, confirmed.Status);
        Assert.True((await FindAsync("tara@example.in"))!.EmailConfirmed);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(Browser.For(fixture.Factory), "tara@example.in", "kaziranga-9")).Status);
    }

    [Fact]
    public async Task RegisterCustomer_WithATakenAddress_AnswersTheSame_AndTellsTheOwnerByEmail()
    {
        await fixture.CreateAccountAsync("owner@example.in", "original-pass-1");

        var response = await fixture.Client().PostAsync(Register,
            new { input = new { email = "owner@example.in", password = "attacker-pass-2" } });

        Assert.Equal("o***@example.in", response.Data!["registerCustomer"]!["registration"]!["email"]!.GetValue<string>());
        Assert.Empty(response.Data["registerCustomer"]!["errors"]!.AsArray());
        Assert.Equal("You already have an account", fixture.Factory.Emails.Last("owner@example.in").Subject);
        // The original password still works; the attacker's does not.
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(Browser.For(fixture.Factory), "owner@example.in", "original-pass-1")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await SignInAsync(Browser.For(fixture.Factory), "owner@example.in", "attacker-pass-2")).Status);
    }

    [Theory]
    [InlineData("not-an-email", "kaziranga-9", null, "account.email_invalid", "email")]
    [InlineData("a@b", "kaziranga-9", null, "account.email_invalid", "email")]
    [InlineData("tara@example.in", "short", null, "account.password_too_short", "password")]
    [InlineData("tara@example.in", "aaaaaaaaaaaa", null, "account.password_too_simple", "password")]
    [InlineData("tara@example.in", "kaziranga-9", "x", "account.display_name_too_long", "displayName")]
    public async Task RegisterCustomer_WithBadInput_AnswersCodedErrors_AndWritesNothing(
        string email, string password, string? displayName, string code, string field)
    {
        displayName = displayName is null ? null : new string('x', 101);

        var response = await fixture.Client().PostAsync(Register, new { input = new { email, password, displayName } });

        var error = response.Data!["registerCustomer"]!["errors"]![0]!;
        Assert.Equal(code, error["code"]!.GetValue<string>());
        Assert.Equal(field, error["field"]!.GetValue<string>());
        Assert.Null(response.Data["registerCustomer"]!["registration"]);
        Assert.Null(await FindAsync(email));
        Assert.DoesNotContain(fixture.Factory.Emails.Sent, e => e.To == email);
    }

    [Fact]
    public async Task RegisterCustomer_RetriedWithItsIdempotencyKey_CreatesOneAccount_AndSendsOneEmail()
    {
        var input = new { input = new { email = "retry@example.in", password = "kaziranga-9", idempotencyKey = "reg-1" } };

        var first = await fixture.Client().PostAsync(Register, input);
        var retry = await fixture.Client().PostAsync(Register, input);

        Assert.Equal(first.Data!.ToJsonString(), retry.Data!.ToJsonString());
        Assert.Single(fixture.Factory.Emails.Sent, e => e.To == "retry@example.in");
    }

    [Fact]
    public async Task AnIdempotencyRecord_HoldsNoClearPersonalData_AndAKeyedFingerprint()
    {
        var input = new { input = new { email = "record@example.in", password = "kaziranga-9", displayName = "Ritu Kalita", idempotencyKey = "reg-rec" } };

        (await fixture.Client().PostAsync(Register, input)).EnsureNoErrors();

        await using var db = fixture.Database.CreateDbContext();
        var record = await db.IdempotencyRecords.SingleAsync(r => r.Key == "reg-rec");
        Assert.DoesNotContain("record@example.in", record.Response, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Ritu", record.Response, StringComparison.Ordinal);
        // Not the plain SHA-256 of the request: nobody holding the table can confirm a guessed address by hashing it.
        var command = new ConnectingNer.Application.Accounts.Commands.RegisterCustomerCommand("record@example.in", "kaziranga-9", "Ritu Kalita", "reg-rec");
        var unsalted = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(command)));
        Assert.NotEqual(unsalted, record.RequestHash);
        Assert.Equal(64, record.RequestHash.Length);
    }

    [Fact]
    public async Task IdempotencyRecords_OlderThan24Hours_ArePrunedByTheJob()
    {
        await using (var db = fixture.Database.CreateDbContext())
        {
            var now = DateTimeOffset.UtcNow;
            db.IdempotencyRecords.Add(new ConnectingNer.Domain.Common.IdempotencyRecord("anonymous", "Test", "old", new string('0', 64), "{}", now.AddHours(-25)));
            db.IdempotencyRecords.Add(new ConnectingNer.Domain.Common.IdempotencyRecord("anonymous", "Test", "recent", new string('0', 64), "{}", now.AddHours(-23)));
            await db.SaveChangesAsync();
        }

        var job = fixture.Factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>()
            .OfType<ConnectingNer.Infrastructure.Persistence.IdempotencyPruningJob>().Single();
        var deleted = await job.PruneAsync(CancellationToken.None);

        await using var after = fixture.Database.CreateDbContext();
        Assert.Equal(1, deleted);
        Assert.Equal(["recent"], await after.IdempotencyRecords.Where(r => r.Operation == "Test").Select(r => r.Key).ToListAsync());
    }

    [Fact]
    public async Task RegisterPage_CreatesTheAccount_ThroughTheSameRules()
    {
        var browser = Browser.For(fixture.Factory);
        var form = await browser.GetAsync("/account/register");

        var tooShort = await browser.SubmitAsync(form, new Dictionary<string, string> { ["email"] = "page@example.in", ["password"] = "short" });
        var done = await browser.SubmitAsync(tooShort, new Dictionary<string, string> { ["email"] = "page@example.in", ["password"] = "kaziranga-9" });

        Assert.Equal(HttpStatusCode.BadRequest, tooShort.Status);
        Assert.Contains("at least 10 characters", tooShort.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Contains("Check your email", done.Html, StringComparison.Ordinal);
        Assert.NotNull(await FindAsync("page@example.in"));
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_EvenAgainstTheRightOne()
    {
        await fixture.CreateAccountAsync("lock@example.in", "right-password-1");
        var browser = Browser.For(fixture.Factory);

        for (var i = 0; i < 5; i++) await SignInAsync(browser, "lock@example.in", "wrong-password-" + i);
        var right = await SignInAsync(browser, "lock@example.in", "right-password-1");

        Assert.Equal(HttpStatusCode.BadRequest, right.Status);
        Assert.Contains("locked", right.Html, StringComparison.Ordinal);
        Assert.True((await FindAsync("lock@example.in"))!.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(10));
    }

    [Fact]
    public async Task WrongPasswordAndUnknownEmail_GetTheSameMessage()
    {
        await fixture.CreateAccountAsync("known@example.in", "right-password-1");

        var wrong = await SignInAsync(Browser.For(fixture.Factory), "known@example.in", "wrong-password-1");
        var unknown = await SignInAsync(Browser.For(fixture.Factory), "nobody@example.in", "wrong-password-1");

        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Contains("The email address or the password is wrong.", wrong.Html, StringComparison.Ordinal);
        Assert.Contains("The email address or the password is wrong.", unknown.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasswordReset_ByEmailedLink_ReplacesThePassword_AndTheLinkWorksOnce()
    {
        await fixture.CreateAccountAsync("forgot@example.in", "old-password-1");
        var browser = Browser.For(fixture.Factory);
        var unknown = await browser.SubmitAsync(await browser.GetAsync("/account/forgot-password"),
            new Dictionary<string, string> { ["email"] = "nobody@example.in" });
        await browser.SubmitAsync(await browser.GetAsync("/account/forgot-password"), new Dictionary<string, string> { ["email"] = "forgot@example.in" });
        var link = fixture.Factory.Emails.Last("forgot@example.in").Link();

        var form = await browser.GetAsync(link);
        var changed = await browser.SubmitAsync(form, new Dictionary<string, string> { ["password"] = "new-password-2" });
        var again = await browser.SubmitAsync(await browser.GetAsync(link), new Dictionary<string, string> { ["password"] = "third-password-3" });

        Assert.Contains("If an account uses this address", unknown.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Factory.Emails.Sent, e => e.To == "nobody@example.in");
        Assert.Contains("Your password is changed", changed.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(Browser.For(fixture.Factory), "forgot@example.in", "new-password-2")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await SignInAsync(Browser.For(fixture.Factory), "forgot@example.in", "old-password-1")).Status);
    }

    [Fact]
    public async Task ConfirmationLink_Tampered_IsRefused()
    {
        await fixture.Client().PostAsync(Register, new { input = new { email = "tamper@example.in", password = "kaziranga-9" } });
        var link = fixture.Factory.Emails.Last("tamper@example.in").Link();

        var page = await Browser.For(fixture.Factory).GetAsync(link[..^4] + "AAAA");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.False((await FindAsync("tamper@example.in"))!.EmailConfirmed);
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/account/register")]
    [InlineData("/account/forgot-password")]
    public async Task FormPostedWithoutItsAntiforgeryToken_IsRefused(string path)
    {
        await fixture.CreateAccountAsync("csrf@example.in", "right-password-1");

        var page = await Browser.For(fixture.Factory).PostAsync(path, new Dictionary<string, string>
        {
            ["email"] = "csrf@example.in", ["password"] = "right-password-1",
        });

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Form expired", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("connectingner.session", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInFormPosts_BeyondTheLimitPerAddress_AreRefusedWith429()
    {
        await using var host = new ApiFactory(fixture.Database.ConnectionString).WithWebHostBuilder(builder =>
            builder.UseSetting("Identity:AccountAttemptsPerMinute", "3"));
        var browser = Browser.For(host);
        var login = await browser.GetAsync("/account/login");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await browser.SubmitAsync(login, new Dictionary<string, string> { ["email"] = "x@example.in", ["password"] = "wrong-password-1" })).Status);
        var page = await browser.GetAsync("/account/login");

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, page.Status);
    }

    [Fact]
    public async Task RepeatedRegistrationsOfOneAddress_CannotFloodItsMailbox_AndStillAnswerTheSame()
    {
        await using var parent = new ApiFactory(fixture.Database.ConnectionString);
        await using var host = parent.WithWebHostBuilder(builder => builder.UseSetting("Identity:EmailsPerAddressPerHour", "2"));
        await fixture.CreateAccountAsync("victim@example.in", "victim-password-1");
        var client = new GraphQLClient(host.CreateClient());

        var answers = new List<string>();
        for (var i = 0; i < 4; i++)
            answers.Add((await client.PostAsync(Register, new { input = new { email = "victim@example.in", password = $"attempt-pass-{i}" } })).Data!.ToJsonString());

        Assert.Equal(2, parent.Emails.Sent.Count(e => e.To == "victim@example.in"));
        Assert.Single(answers.Distinct());
    }

    [Fact]
    public async Task SignInPage_IsNotFramable_NorCached()
    {
        using var response = await fixture.Factory.CreateClient().GetAsync("/account/login");

        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
    }
}
