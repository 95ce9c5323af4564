using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using static ConnectingNer.Api.Tests.Consent.ConsentTests;

namespace ConnectingNer.Api.Tests.PrivacyRequests;

/// <summary>"Stop using my information": a restriction or objection in force at once, honoured by every consent check and partner view.</summary>
[Collection(ApiCollection.Name)]
public sealed class RestrictionTests(ApiFixture fixture) : IAsyncLifetime
{
    private const string Restrict = """
        mutation($t: PrivacyRequestType!, $p: [String!]) { restrictProcessing(type: $t, purposes: $p) { privacyRequest { id type status purposes liftedAt } errors { code field } } }
        """;

    private const string Lift = "mutation($id: ID!) { liftRestriction(requestId: $id) { privacyRequest { status liftedAt } errors { code } } }";

    public Task InitializeAsync() => fixture.ResetAsync(productsPerCategory: 1);

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string[]> AudienceAsync()
    {
        var client = fixture.Client();
        client.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            await fixture.PartnerTokenAsync(TestClients.MarketingId, TestClients.MarketingSecret, "marketing:send"));
        return [.. (await client.PostAsync("{ newsletterAudience { recipients { email } } }")).EnsureNoErrors()
            .Data!["newsletterAudience"]!["recipients"]!.AsArray().Select(r => r!["email"]!.GetValue<string>())];
    }

    private async Task<JsonNode> ConsentsAsync(GraphQLClient client) =>
        (await client.PostAsync($"{{ myConsents {{ {ConsentFields} }} }}")).EnsureNoErrors().Data!["myConsents"]!;

    [Fact]
    public async Task AnObjection_StopsAPartnerView_OnTheNextRequest_AndLiftingItRestoresIt()
    {
        var customer = await fixture.CreateCustomerAsync("mina@example.in", "Mina");
        var client = fixture.Client().As(customer.ToString());
        (await client.PostAsync(SetMine, new { input = new { decisions = Decisions(("marketing.email", true), ("analytics", true)) } })).EnsureNoErrors();
        Assert.Equal(["mina@example.in"], await AudienceAsync());

        var objection = (await client.PostAsync(Restrict, new { t = "OBJECTION", p = new[] { "marketing.email" } })).EnsureNoErrors().Data!["restrictProcessing"]!;
        var request = objection["privacyRequest"]!;

        Assert.Equal(("OBJECTION", "VERIFIED"), (request["type"]!.GetValue<string>(), request["status"]!.GetValue<string>()));
        Assert.Empty(await AudienceAsync());
        var consents = await ConsentsAsync(client);
        Assert.Equal("RESTRICTED_BY_REQUEST", Purpose(consents, "marketing.email")["suspendedBecause"]!.GetValue<string>());
        Assert.True(Purpose(consents, "analytics")["holds"]!.GetValue<bool>()); // only the purposes named

        var lifted = (await client.PostAsync(Lift, new { id = request["id"]!.GetValue<string>() })).EnsureNoErrors().Data!["liftRestriction"]!;
        Assert.NotNull(lifted["privacyRequest"]!["liftedAt"]);
        Assert.Equal(["mina@example.in"], await AudienceAsync());
        Assert.Equal(["privacy_request.not_in_force"], Codes((await client.PostAsync(Lift, new { id = request["id"]!.GetValue<string>() }))
            .EnsureNoErrors().Data!["liftRestriction"]!));
    }

    [Fact]
    public async Task ARestrictionNamingNoPurpose_StopsAllButEssentialProcessing()
    {
        var customer = await fixture.CreateCustomerAsync("mina@example.in", "Mina");
        var client = fixture.Client().As(customer.ToString());
        (await client.PostAsync(SetMine, new { input = new { decisions = Decisions(("analytics", true), ("personalisation", true)) } })).EnsureNoErrors();

        var restricted = (await client.PostAsync(Restrict, new { t = "RESTRICTION" })).EnsureNoErrors().Data!["restrictProcessing"]!;
        var events = (await client.PostAsync("mutation($i: RecordEventsInput!) { recordEvents(input: $i) { stored dropped suspendedBecause } }",
            new { i = new { events = new[] { new { type = "SEARCHED", query = "muga silk", occurredAt = DateTimeOffset.UtcNow } } } })).EnsureNoErrors().Data!["recordEvents"]!;
        var consents = await ConsentsAsync(client);

        Assert.Empty(restricted["privacyRequest"]!["purposes"]!.AsArray());
        Assert.Equal((0, "RESTRICTED_BY_REQUEST"), (events["stored"]!.GetValue<int>(), events["suspendedBecause"]!.GetValue<string>()));
        Assert.False(Purpose(consents, "personalisation")["holds"]!.GetValue<bool>());
        Assert.True(Purpose(consents, "essential")["holds"]!.GetValue<bool>());
        Assert.Equal("POPULAR", (await client.PostAsync("{ recommendedProducts { basis } }")).EnsureNoErrors().Data!["recommendedProducts"]!["basis"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("RESTRICTION", "telepathy", "consent.unknown_purpose", "purposes[0]")]
    [InlineData("OBJECTION", "essential", "consent.essential_not_withdrawable", "purposes[0]")]
    [InlineData("GRIEVANCE", "analytics", "privacy_request.type_invalid", "type")]
    public async Task ABadRestriction_IsRefused_AndNothingIsRestricted(string type, string purpose, string code, string field)
    {
        var customer = await fixture.CreateCustomerAsync("mina@example.in", "Mina");
        var client = fixture.Client().As(customer.ToString());

        var payload = (await client.PostAsync(Restrict, new { t = type, p = new[] { purpose } })).EnsureNoErrors().Data!["restrictProcessing"]!;

        Assert.Equal([code], Codes(payload));
        Assert.Equal(field, payload["errors"]![0]!["field"]!.GetValue<string>());
        Assert.Empty((await client.PostAsync("{ myPrivacyRequests { nodes { id } } }")).EnsureNoErrors().Data!["myPrivacyRequests"]!["nodes"]!.AsArray());
    }

    [Fact]
    public async Task SomeoneElsesRestriction_CannotBeLifted()
    {
        var owner = await fixture.CreateCustomerAsync("mina@example.in", "Mina");
        var other = await fixture.CreateCustomerAsync("other@example.in", "Other");
        var id = (await fixture.Client().As(owner.ToString()).PostAsync(Restrict, new { t = "RESTRICTION" })).EnsureNoErrors()
            .Data!["restrictProcessing"]!["privacyRequest"]!["id"]!.GetValue<string>();

        var payload = (await fixture.Client().As(other.ToString()).PostAsync(Lift, new { id })).EnsureNoErrors().Data!["liftRestriction"]!;

        Assert.Equal(["privacy_request.not_found"], Codes(payload));
    }
}
