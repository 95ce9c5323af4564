using System.Net;
using System.Text.Json.Nodes;
using ConnectingNer.Application.Consent;
using Microsoft.EntityFrameworkCore;
using static ConnectingNer.Api.Tests.Consent.ConsentTests;

namespace ConnectingNer.Api.Tests.Consent;

/// <summary>A minor's tracking, personalisation and marketing hold only once a verified guardian (an adult account, through a link) consents.</summary>
[Collection(ApiCollection.Name)]
public sealed class GuardianConsentTests(ApiFixture fixture) : IAsyncLifetime
{
    private const string Request = "mutation($e: String!) { requestGuardianConsent(guardianEmail: $e) { done errors { code field } } }";
    private const string Confirm = "mutation($t: String!) { confirmGuardianConsent(token: $t) { done errors { code } } }";
    private const string Profile = "mutation($i: UpdateMyProfileInput!) { updateMyProfile(input: $i) { errors { code } } }";

    public Task InitializeAsync() => fixture.ResetAsync(productsPerCategory: 1);

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Guid> PersonAsync(string email, int? age)
    {
        var id = await fixture.CreateCustomerAsync(email, email[..email.IndexOf('@')]);
        object input = age is { } years
            ? new { birthDate = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-years).AddDays(-1).ToString("yyyy-MM-dd"), guardianName = years < 18 ? "Rupa" : null }
            : new { affirmLegalAge = true };
        (await fixture.Client().As(id.ToString()).PostAsync(Profile, new { i = input })).EnsureNoErrors();
        return id;
    }

    private static string Token(string link) => Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);

    private async Task<JsonNode> AnalyticsAsync(Guid minor) => Purpose((await fixture.Client().As(minor.ToString())
        .PostAsync($"{{ myConsents {{ {ConsentFields} }} }}")).EnsureNoErrors().Data!["myConsents"]!, "analytics");

    [Fact]
    public async Task OnceTheGuardiansAdultAccountConfirms_TheMinorsOwnChoicesHold()
    {
        var minor = await PersonAsync("kiran@example.in", 15);
        var guardian = await PersonAsync("rupa@example.in", null);
        var minorClient = fixture.Client().As(minor.ToString());
        (await minorClient.PostAsync(SetMine, new { input = new { decisions = Decisions(("analytics", true)) } })).EnsureNoErrors();
        Assert.Equal("MINOR_WITHOUT_GUARDIAN", (await AnalyticsAsync(minor))["suspendedBecause"]!.GetValue<string>());

        var requested = (await minorClient.PostAsync(Request, new { e = "rupa@example.in" })).EnsureNoErrors().Data!["requestGuardianConsent"]!;
        var link = fixture.Factory.Emails.Last("rupa@example.in").Link();
        Assert.True(requested["done"]!.GetValue<bool>());
        Assert.StartsWith("/account/guardian-consent?token=", link, StringComparison.Ordinal);
        // Following the link without a session leads to signing in first, and back.
        using var page = await fixture.Factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login?returnUrl=", page.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var confirmed = (await fixture.Client().As(guardian.ToString()).PostAsync(Confirm, new { t = Token(link) })).EnsureNoErrors().Data!["confirmGuardianConsent"]!;

        Assert.True(confirmed["done"]!.GetValue<bool>());
        Assert.True((await AnalyticsAsync(minor))["holds"]!.GetValue<bool>());
        var stored = (await minorClient.PostAsync("mutation($i: RecordEventsInput!) { recordEvents(input: $i) { stored } }",
            new { i = new { events = new[] { new { type = "SEARCHED", query = "bamboo flute", occurredAt = DateTimeOffset.UtcNow } } } })).EnsureNoErrors();
        Assert.Equal(1, stored.Data!["recordEvents"]!["stored"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("another-adult")]
    [InlineData("a-minor")]
    [InlineData("the-minor")]
    [InlineData("forged")]
    public async Task OnlyTheAdultAccountWithTheAddress_CanConfirm(string who)
    {
        var minor = await PersonAsync("kiran@example.in", 15);
        await PersonAsync("rupa@example.in", null);
        var otherAdult = await PersonAsync("someone@example.in", 40);
        var otherMinor = await PersonAsync("friend@example.in", 16);
        (await fixture.Client().As(minor.ToString()).PostAsync(Request, new { e = who == "a-minor" ? "friend@example.in" : "rupa@example.in" })).EnsureNoErrors();
        var token = Token(fixture.Factory.Emails.Last(who == "a-minor" ? "friend@example.in" : "rupa@example.in").Link());
        var (actor, sent) = who switch
        {
            "another-adult" => (otherAdult, token),
            "a-minor" => (otherMinor, token),
            "the-minor" => (minor, token),
            _ => (otherAdult, token[..^3] + "xyz"),
        };

        var payload = (await fixture.Client().As(actor.ToString()).PostAsync(Confirm, new { t = sent })).EnsureNoErrors().Data!["confirmGuardianConsent"]!;

        Assert.Equal([who == "forged" ? "consent.link_invalid" : "guardian.not_eligible"], Codes(payload));
        await using var db = fixture.Database.CreateDbContext();
        Assert.Equal(0, await db.GuardianConsents.CountAsync());
    }

    [Fact]
    public async Task AnAdult_HasNoGuardianToAsk()
    {
        var adult = await PersonAsync("mina@example.in", 30);

        var payload = (await fixture.Client().As(adult.ToString()).PostAsync(Request, new { e = "rupa@example.in" })).EnsureNoErrors().Data!["requestGuardianConsent"]!;

        Assert.Equal(["guardian.not_a_minor"], Codes(payload));
        Assert.DoesNotContain(fixture.Factory.Emails.Sent, e => e.To == "rupa@example.in");
    }
}
