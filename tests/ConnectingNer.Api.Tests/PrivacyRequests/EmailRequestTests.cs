using System.Net;
using System.Text.Json.Nodes;
using ConnectingNer.Domain.Consent;
using ConnectingNer.Domain.PrivacyRequests;
using ConnectingNer.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Api.Tests.PrivacyRequests;

/// <summary>Requests from people without an account (a newsletter subscriber), verified through a link sent to the address on record.</summary>
[Collection(ApiCollection.Name)]
public sealed class EmailRequestTests(ApiFixture fixture) : IAsyncLifetime
{
    private const string Ask = "mutation($e: String!, $t: PrivacyRequestType!) { requestWithoutAccount(email: $e, type: $t) { sent errors { code field } } }";

    public Task InitializeAsync() => fixture.ResetAsync(productsPerCategory: 1);

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Guid> SubscriberAsync(string email)
    {
        (await fixture.Client().PostAsync($"mutation {{ subscribeNewsletter(email: \"{email}\") {{ confirmationSent }} }}")).EnsureNoErrors();
        (await fixture.Client().Http.PostAsync(fixture.Factory.Emails.Last(email).Link(), null)).EnsureSuccessStatusCode();
        await using var db = fixture.Database.CreateDbContext();
        return await db.Set<NewsletterSubscriber>().Select(s => s.Id).SingleAsync();
    }

    private async Task<JsonNode> AskAsync(string email, string type) =>
        (await fixture.Client().PostAsync(Ask, new { e = email, t = type })).EnsureNoErrors().Data!["requestWithoutAccount"]!;

    [Fact]
    public async Task ASubscriber_GetsTheirDataThroughTheLink_AndOnlyConfirmingIt_DoesAnything()
    {
        await SubscriberAsync("guest@example.in");
        fixture.Factory.Emails.Clear();

        Assert.True((await AskAsync("guest@example.in", "ACCESS"))["sent"]!.GetValue<bool>());
        var link = fixture.Factory.Emails.Last("guest@example.in").Link();
        Assert.StartsWith("/privacy/verify?token=", link, StringComparison.Ordinal);
        using var opened = await fixture.Client().Http.GetAsync(link);
        await using (var db = fixture.Database.CreateDbContext())
            Assert.Equal(0, await db.Set<PrivacyRequest>().CountAsync()); // a mail scanner opening the link does nothing
        using var confirmed = await fixture.Client().Http.PostAsync(link, null);

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal("application/json", confirmed.Content.Headers.ContentType!.MediaType);
        var file = JsonNode.Parse(await confirmed.Content.ReadAsStringAsync())!;
        Assert.Equal("guest@example.in", file["newsletterSubscription"]!["email"]!.GetValue<string>());
        Assert.Contains(file["consents"]!.AsArray(), c => c!["purpose"]!.GetValue<string>() == "marketing.email" && c["granted"]!.GetValue<bool>());
        await using var after = fixture.Database.CreateDbContext();
        var request = await after.Set<PrivacyRequest>().Include(r => r.Steps).SingleAsync();
        Assert.Equal((PrivacyRequestType.Access, PrivacyRequestStatus.Completed), (request.Type, request.Status));
        Assert.Contains(request.Steps, s => s.Note == "Identity checked: the link sent to the address on record was opened.");
    }

    [Fact]
    public async Task ASubscribersErasure_ShredsTheAddress_KeepsTheConsentProofWithoutIt_AndTheLinkWorksOnce()
    {
        var subscriber = await SubscriberAsync("guest@example.in");
        await using var db = fixture.Database.CreateDbContext();
        var consents = await db.Set<ConsentRecord>().CountAsync();
        Assert.True(consents > 0);
        fixture.Factory.Emails.Clear();

        await AskAsync("guest@example.in", "ERASURE");
        var link = fixture.Factory.Emails.Last("guest@example.in").Link();
        using var confirmed = await fixture.Client().Http.PostAsync(link, null);
        using var again = await fixture.Client().Http.PostAsync(link, null);

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("Your address is erased", await confirmed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("privacy_request.link_invalid", await again.Content.ReadAsStringAsync());
        Assert.Equal(0, await db.Set<NewsletterSubscriber>().CountAsync());
        Assert.Equal(0, await db.CustomerKeys.CountAsync(k => k.CustomerId == subscriber));
        Assert.Equal(consents, await db.Set<ConsentRecord>().CountAsync());
        Assert.Equal(0, await db.Set<ConsentRecord>().CountAsync(r => r.SubscriberId == subscriber));
        Assert.Equal(PrivacyRequestStatus.Completed, (await db.Set<PrivacyRequest>().SingleAsync()).Status);
    }

    [Fact]
    public async Task AForgedLink_AnUnknownAddress_AnAccountsAddress_AndABadType_ChangeNothing()
    {
        await SubscriberAsync("guest@example.in");
        await fixture.CreateAccountAsync("tara@example.in", null);
        fixture.Factory.Emails.Clear();
        await AskAsync("guest@example.in", "ERASURE");
        var link = fixture.Factory.Emails.Last("guest@example.in").Link();

        using var forged = await fixture.Client().Http.PostAsync("/privacy/verify?token=not-a-token", null);
        using var altered = await fixture.Client().Http.PostAsync(link[..^4] + (link[^4] == 'A' ? "B" : "A") + link[^3..], null);
        var unknown = await AskAsync("nobody@example.in", "ACCESS");
        var account = await AskAsync("tara@example.in", "ERASURE");
        var type = await AskAsync("guest@example.in", "GRIEVANCE");
        var email = await AskAsync("not an address", "ACCESS");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, altered.StatusCode);
        Assert.True(unknown["sent"]!.GetValue<bool>());
        Assert.DoesNotContain(fixture.Factory.Emails.Sent, e => e.To == "nobody@example.in");
        Assert.True(account["sent"]!.GetValue<bool>());
        Assert.Contains("sign in", fixture.Factory.Emails.Last("tara@example.in").Body);
        Assert.Equal("privacy_request.type_invalid", type["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("privacy_request.email_invalid", email["errors"]![0]!["code"]!.GetValue<string>());
        await using var db = fixture.Database.CreateDbContext();
        Assert.Equal(1, await db.Set<NewsletterSubscriber>().CountAsync());
        Assert.Equal(0, await db.Set<PrivacyRequest>().CountAsync());
    }
}
