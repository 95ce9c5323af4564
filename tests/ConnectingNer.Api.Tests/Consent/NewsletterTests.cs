using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ConnectingNer.Application.Consent;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ConnectingNer.Api.Tests.Consent.ConsentTests;

namespace ConnectingNer.Api.Tests.Consent;

/// <summary>
/// The newsletter: double opt-in without an account, the marketing partner's audience (consent that holds now, each
/// address a disclosure), and the signed one-click unsubscribe link that works without a session.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class NewsletterTests(ApiFixture fixture) : IAsyncLifetime
{
    private const string Audience = "{ newsletterAudience(first: 50) { recipients { email unsubscribeUrl listUnsubscribe listUnsubscribePost } hasNextPage endCursor } }";

    public Task InitializeAsync() => fixture.ResetAsync(productsPerCategory: 1);

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<GraphQLClient> MarketingAsync()
    {
        var client = fixture.Client();
        client.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            await fixture.PartnerTokenAsync(TestClients.MarketingId, TestClients.MarketingSecret, "marketing:send"));
        return client;
    }

    private async Task<JsonArray> RecipientsAsync() =>
        (await (await MarketingAsync()).PostAsync(Audience)).EnsureNoErrors().Data!["newsletterAudience"]!["recipients"]!.AsArray();

    private static string[] Emails(JsonArray recipients) => [.. recipients.Select(r => r!["email"]!.GetValue<string>())];

    private static HttpRequestMessage OneClick(string url) => new(HttpMethod.Post, new Uri(url).PathAndQuery)
    {
        Content = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]),
    };

    [Fact]
    public async Task Subscribing_SendsALink_AndOnlyFollowingIt_PutsTheAddressInTheAudience()
    {
        var payload = (await fixture.Client().PostAsync("mutation { subscribeNewsletter(email: \"guest@example.in\") { confirmationSent errors { code } } }"))
            .EnsureNoErrors().Data!["subscribeNewsletter"]!;
        var link = fixture.Factory.Emails.Last("guest@example.in").Link();

        Assert.True(payload["confirmationSent"]!.GetValue<bool>());
        Assert.StartsWith("/newsletter/confirm?token=", link, StringComparison.Ordinal);
        Assert.Empty(await RecipientsAsync());
        // Opening the link (a mail scanner does) changes nothing: the page asks.
        var page = await fixture.Client().Http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Empty(await RecipientsAsync());

        var confirmed = await fixture.Client().Http.PostAsync(link, new FormUrlEncodedContent([]));
        var recipients = await RecipientsAsync();

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(["guest@example.in"], Emails(recipients));
        Assert.Equal("List-Unsubscribe=One-Click", recipients[0]!["listUnsubscribePost"]!.GetValue<string>());
        Assert.Equal($"<{recipients[0]!["unsubscribeUrl"]!.GetValue<string>()}>", recipients[0]!["listUnsubscribe"]!.GetValue<string>());
        await using var db = fixture.Database.CreateDbContext();
        var subscriber = await db.NewsletterSubscribers.SingleAsync();
        Assert.DoesNotContain("guest@example.in", System.Text.Encoding.Latin1.GetString(subscriber.SealedEmail), StringComparison.Ordinal); // sealed
        Assert.NotNull(subscriber.ConfirmedAt);
        Assert.Equal("EmailLink", (await db.ConsentRecords.SingleAsync(r => r.SubscriberId == subscriber.Id)).Source.ToString());
    }

    [Fact]
    public async Task TheUnsubscribeLink_WorksWithoutASession_InOneClick_AndRecordsAWithdrawalFromTheEmailLink()
    {
        var customer = await fixture.CreateCustomerAsync("mina@example.in", "Mina");
        var client = fixture.Client().As(customer.ToString());
        (await client.PostAsync(SetMine, new { input = new { decisions = Decisions(("marketing.email", true)) } })).EnsureNoErrors();
        var recipients = await RecipientsAsync();
        Assert.Equal(["mina@example.in"], Emails(recipients));
        var url = recipients[0]!["unsubscribeUrl"]!.GetValue<string>();

        using var response = await fixture.Client().Http.SendAsync(OneClick(url));
        using var again = await fixture.Client().Http.SendAsync(OneClick(url));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Empty(await RecipientsAsync());
        var email = Purpose((await client.PostAsync($"{{ myConsents {{ {ConsentFields} }} }}")).EnsureNoErrors().Data!["myConsents"]!, "marketing.email");
        Assert.False(email["granted"]!.GetValue<bool>());
        Assert.Equal("EMAIL_LINK", email["source"]!.GetValue<string>());
        var history = (await client.PostAsync("{ myConsentHistory(first: 10) { nodes { source granted } } }")).EnsureNoErrors().Data!["myConsentHistory"]!["nodes"]!.AsArray();
        Assert.Equal(2, history.Count); // the second click recorded nothing more
        // The listing was a disclosure of the customer's address to the marketing partner.
        var disclosures = (await client.PostAsync("{ myDataDisclosures(first: 5) { nodes { categories purpose fields } } }")).EnsureNoErrors()
            .Data!["myDataDisclosures"]!["nodes"]!.AsArray();
        Assert.True(disclosures.Any(d => d!["purpose"]!.GetValue<string>() == "marketing"
            && d["categories"]!.AsArray().Select(c => c!.GetValue<string>()).Order().SequenceEqual(["consent", "contact.email"])), disclosures.ToJsonString());
    }

    [Theory]
    [InlineData("altered")]
    [InlineData("expired")]
    [InlineData("another-purpose")]
    [InlineData("missing")]
    public async Task AForgedAlteredOrExpiredLink_IsRefused_AndChangesNothing(string kind)
    {
        var customer = await fixture.CreateCustomerAsync("mina@example.in", "Mina");
        (await fixture.Client().As(customer.ToString()).PostAsync(SetMine, new { input = new { decisions = Decisions(("marketing.email", true)) } })).EnsureNoErrors();
        var url = (await RecipientsAsync())[0]!["unsubscribeUrl"]!.GetValue<string>();
        var token = Uri.UnescapeDataString(url[(url.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
        var protection = fixture.Factory.Services.GetRequiredService<IDataProtectionProvider>();
        var forged = kind switch
        {
            "altered" => token[..^4] + (token[^4] == 'A' ? "B" : "A") + token[^3..],
            "expired" => protection.CreateProtector("ConnectingNer.Consent.Unsubscribe.v1").ToTimeLimitedDataProtector()
                .Protect($"0:{customer:N}", DateTimeOffset.UtcNow.AddMinutes(-1)),
            // A confirmation token is not an unsubscribe token, even for the same server.
            "another-purpose" => protection.CreateProtector("ConnectingNer.Newsletter.Confirm.v1").ToTimeLimitedDataProtector()
                .Protect($"0:{customer:N}", TimeSpan.FromDays(1)),
            _ => "",
        };

        using var response = await fixture.Client().Http.SendAsync(OneClick($"https://localhost/unsubscribe?token={Uri.EscapeDataString(forged)}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["mina@example.in"], Emails(await RecipientsAsync()));
    }

    [Fact]
    public async Task AMaterialPolicyChange_SuspendsMarketing_UntilReAcceptance_AndAMinorIsNeverInTheAudience()
    {
        var adult = await fixture.CreateCustomerAsync("mina@example.in", "Mina");
        var minor = await fixture.CreateCustomerAsync("kiran@example.in", "Kiran");
        var birth = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-16).ToString("yyyy-MM-dd");
        (await fixture.Client().As(minor.ToString()).PostAsync("mutation($i: UpdateMyProfileInput!) { updateMyProfile(input: $i) { errors { code } } }",
            new { i = new { birthDate = birth, guardianName = "Rupa" } })).EnsureNoErrors();
        foreach (var who in new[] { adult, minor })
            (await fixture.Client().As(who.ToString()).PostAsync(SetMine, new { input = new { decisions = Decisions(("marketing.email", true)) } })).EnsureNoErrors();
        Assert.Equal(["mina@example.in"], Emails(await RecipientsAsync()));

        (await fixture.Client().As("staff-privacy", roles: "privacy_officer").PostAsync(
            "mutation { publishPrivacyPolicy(input: { version: \"2.0\", text: \"New terms.\", material: true }) { errors { code } } }")).EnsureNoErrors();
        Assert.Empty(await RecipientsAsync());

        (await fixture.Client().As(adult.ToString()).PostAsync("mutation { acceptPrivacyPolicy(version: \"2.0\") { errors { code } } }")).EnsureNoErrors();
        Assert.Equal(["mina@example.in"], Emails(await RecipientsAsync()));
    }

    [Theory]
    [InlineData("customer")]
    [InlineData("support")]
    [InlineData("logistics")]
    public async Task OnlyAMarketingPartner_ReadsTheAudience(string who)
    {
        var customer = await fixture.CreateCustomerAsync("mina@example.in", "Mina");
        (await fixture.Client().As(customer.ToString()).PostAsync(SetMine, new { input = new { decisions = Decisions(("marketing.email", true)) } })).EnsureNoErrors();
        var client = fixture.Client();
        if (who == "customer") client.As(customer.ToString());
        else if (who == "support") client.As("staff-support", roles: "support");
        else client.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            await fixture.PartnerTokenAsync(TestClients.LogisticsId, TestClients.LogisticsSecret, "orders:fulfil"));

        var response = await client.PostAsync(Audience);

        Assert.Null(response.Data?["newsletterAudience"]);
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], response.ErrorCodes);
        Assert.DoesNotContain("mina@", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadAddress_IsRefused_AndNoEmailIsSent()
    {
        var payload = (await fixture.Client().PostAsync("mutation { subscribeNewsletter(email: \"not an address\") { confirmationSent errors { code field } } }"))
            .EnsureNoErrors().Data!["subscribeNewsletter"]!;

        Assert.Equal(["newsletter.email_invalid"], Codes(payload));
        Assert.Empty(fixture.Factory.Emails.Sent);
    }
}
