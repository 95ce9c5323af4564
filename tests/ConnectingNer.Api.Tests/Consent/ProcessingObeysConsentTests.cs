using System.Text.Json.Nodes;
using ConnectingNer.Application.Analytics;
using ConnectingNer.Domain.Analytics;
using ConnectingNer.GraphQL.Server.Relay;
using ConnectingNer.Infrastructure.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ConnectingNer.Api.Tests.Consent.ConsentTests;

namespace ConnectingNer.Api.Tests.Consent;

/// <summary>
/// Consent enforced where data is used: events are stored only with analytics consent (checked in the database), a
/// minor's never; recommendations use a person's history only with personalisation consent, withdrawn at once.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ProcessingObeysConsentTests(ApiFixture fixture) : IAsyncLifetime
{
    private const string Record = """
        mutation($input: RecordEventsInput!) { recordEvents(input: $input) { stored dropped suspendedBecause errors { code field } } }
        """;

    private const string Recommended = """
        query($d: String) { recommendedProducts(first: 3, deviceId: $d) { basis products { sku category { slug } } } }
        """;

    public Task InitializeAsync() => fixture.ResetAsync(productsPerCategory: 5);

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Product(int id) => GlobalId.Encode("Product", id);

    private static object Viewed(int product, DateTimeOffset? at = null) =>
        new { type = "PRODUCT_VIEWED", productId = Product(product), occurredAt = at ?? DateTimeOffset.UtcNow };

    private async Task<List<ShopEvent>> StoredAsync()
    {
        await using var db = fixture.Database.CreateDbContext();
        return await db.ShopEvents.AsNoTracking().ToListAsync();
    }

    private async Task<int> SpiceProductAsync()
    {
        await using var db = fixture.Database.CreateDbContext();
        return await db.Products.Where(p => p.Sku == "SPI-002").Select(p => p.Id).SingleAsync();
    }

    [Fact]
    public async Task AnEventWithoutAnalyticsConsent_IsNotStored_AndWithIt_IsStoredWithoutTheFullAddressOrUserAgent()
    {
        var device = Guid.NewGuid().ToString();
        var product = await SpiceProductAsync();
        var batch = new { input = new { deviceId = device, events = new object[] { Viewed(product), new { type = "SEARCHED", query = "assam tea", occurredAt = DateTimeOffset.UtcNow } } } };

        var without = (await fixture.Client().PostAsync(Record, batch)).EnsureNoErrors().Data!["recordEvents"]!;
        Assert.Equal((0, 2), (without["stored"]!.GetValue<int>(), without["dropped"]!.GetValue<int>()));
        Assert.Empty(await StoredAsync());

        // Personalisation alone is not analytics.
        (await fixture.Client().PostAsync(RecordDevice, new { input = new { deviceId = device, policyVersion = "1.0", decisions = Decisions(("personalisation", true)) } })).EnsureNoErrors();
        Assert.Equal(2, (await fixture.Client().PostAsync(Record, batch)).EnsureNoErrors().Data!["recordEvents"]!["dropped"]!.GetValue<int>());
        Assert.Empty(await StoredAsync());

        (await fixture.Client().PostAsync(RecordDevice, new { input = new { deviceId = device, policyVersion = "1.0", decisions = Decisions(("analytics", true)) } })).EnsureNoErrors();
        var client = fixture.Client();
        client.Http.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (Linux; Android 14; SM-S918B Build/UP1A.231005.007) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.230 Mobile Safari/537.36");
        var with = (await client.PostAsync(Record, batch)).EnsureNoErrors().Data!["recordEvents"]!;

        Assert.Equal((2, 0), (with["stored"]!.GetValue<int>(), with["dropped"]!.GetValue<int>()));
        var stored = await StoredAsync();
        Assert.Equal(2, stored.Count);
        Assert.All(stored, e =>
        {
            Assert.Equal(Guid.Parse(device), e.DeviceId);
            Assert.Null(e.CustomerId);
            Assert.Equal("Chrome 120", e.Browser); // not the device model or the build
            Assert.True(e.Network is null || e.Network.EndsWith("/24", StringComparison.Ordinal) || e.Network.EndsWith("/48", StringComparison.Ordinal), e.Network);
        });
        Assert.Equal("assam tea", stored.Single(e => e.Type == ShopEventType.Searched).Query);

        // Withdrawing stops the very next batch.
        (await fixture.Client().PostAsync(RecordDevice, new { input = new { deviceId = device, policyVersion = "1.0", decisions = Decisions(("analytics", false)) } })).EnsureNoErrors();
        Assert.Equal(2, (await fixture.Client().PostAsync(Record, batch)).EnsureNoErrors().Data!["recordEvents"]!["dropped"]!.GetValue<int>());
        Assert.Equal(2, (await StoredAsync()).Count);
    }

    [Fact]
    public async Task AMinorsEvents_AreNeverStored_WhateverTheirToggles()
    {
        var customer = await fixture.CreateCustomerAsync("kiran@example.in", "Kiran");
        var client = fixture.Client().As(customer.ToString());
        var birth = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-15).ToString("yyyy-MM-dd");
        (await client.PostAsync("mutation($i: UpdateMyProfileInput!) { updateMyProfile(input: $i) { errors { code } } }",
            new { i = new { birthDate = birth, guardianName = "Rupa (mother)" } })).EnsureNoErrors();
        (await client.PostAsync(SetMine, new { input = new { decisions = Decisions(("analytics", true), ("personalisation", true), ("marketing.email", true)) } })).EnsureNoErrors();

        var payload = (await client.PostAsync(Record, new { input = new { events = new[] { Viewed(await SpiceProductAsync()) } } })).EnsureNoErrors().Data!["recordEvents"]!;
        var consents = (await client.PostAsync($"{{ myConsents {{ {ConsentFields} }} }}")).EnsureNoErrors().Data!["myConsents"]!;
        var recommended = (await client.PostAsync(Recommended)).EnsureNoErrors().Data!["recommendedProducts"]!;

        Assert.Equal(1, payload["dropped"]!.GetValue<int>());
        Assert.Equal("MINOR_WITHOUT_GUARDIAN", payload["suspendedBecause"]!.GetValue<string>());
        Assert.Empty(await StoredAsync());
        Assert.All(["analytics", "personalisation", "marketing.email"], p =>
        {
            Assert.True(Purpose(consents, p)["granted"]!.GetValue<bool>());
            Assert.False(Purpose(consents, p)["holds"]!.GetValue<bool>());
        });
        Assert.Equal("POPULAR", recommended["basis"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("future", "events.in_the_future", "events[0].occurredAt")]
    [InlineData("old", "events.too_old", "events[0].occurredAt")]
    [InlineData("101", "events.too_many", "events")]
    [InlineData("none", "events.none", "events")]
    [InlineData("no-product", "events.product_required", "events[0].productId")]
    [InlineData("unknown-product", "events.product_unknown", "events[0].productId")]
    [InlineData("empty-query", "events.query_invalid", "events[0].query")]
    [InlineData("bad-device", "consent.device_id_invalid", "deviceId")]
    [InlineData("no-subject", "events.subject_required", "deviceId")]
    public async Task ABadBatch_IsRefusedWithACode_AndNothingIsStored(string problem, string code, string field)
    {
        var device = Guid.NewGuid().ToString();
        (await fixture.Client().PostAsync(RecordDevice, new { input = new { deviceId = device, policyVersion = "1.0", decisions = Decisions(("analytics", true)) } })).EnsureNoErrors();
        var product = await SpiceProductAsync();
        var now = DateTimeOffset.UtcNow;
        object[] events = problem switch
        {
            "future" => [Viewed(product, now.AddMinutes(10))],
            "old" => [Viewed(product, now.AddDays(-2))],
            "101" => [.. Enumerable.Range(0, 101).Select(_ => Viewed(product))],
            "none" => [],
            "no-product" => [new { type = "ADDED_TO_CART", occurredAt = now }],
            "unknown-product" => [Viewed(999_999)],
            "empty-query" => [new { type = "SEARCHED", query = " ", occurredAt = now }],
            _ => [Viewed(product)],
        };
        string? deviceId = problem switch { "bad-device" => "12345", "no-subject" => null, _ => device };

        var payload = (await fixture.Client().PostAsync(Record, new { input = new { deviceId, events } })).EnsureNoErrors().Data!["recordEvents"]!;

        Assert.Equal([code], Codes(payload));
        Assert.Equal(field, payload["errors"]![0]!["field"]!.GetValue<string>());
        Assert.Null(payload["stored"]);
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task WithdrawingPersonalisation_StopsPersonalRecommendations_OnTheNextRequest()
    {
        var customer = await fixture.CreateCustomerAsync("mina@example.in", "Mina");
        var client = fixture.Client().As(customer.ToString());
        (await client.PostAsync(SetMine, new { input = new { decisions = Decisions(("analytics", true), ("personalisation", true)) } })).EnsureNoErrors();
        (await client.PostAsync(Record, new { input = new { events = new[] { Viewed(await SpiceProductAsync()) } } })).EnsureNoErrors();

        var personal = (await client.PostAsync(Recommended)).EnsureNoErrors().Data!["recommendedProducts"]!;
        (await client.PostAsync(SetMine, new { input = new { decisions = Decisions(("personalisation", false)) } })).EnsureNoErrors();
        var popular = (await client.PostAsync(Recommended)).EnsureNoErrors().Data!["recommendedProducts"]!;

        Assert.Equal("PERSONAL", personal["basis"]!.GetValue<string>());
        var products = personal["products"]!.AsArray();
        Assert.Equal(3, products.Count);
        Assert.Equal("SPI-002", products[0]!["sku"]!.GetValue<string>()); // the one viewed ranks first
        Assert.All(products, p => Assert.Equal("spices", p!["category"]!["slug"]!.GetValue<string>()));
        Assert.Equal("POPULAR", popular["basis"]!.GetValue<string>());
    }

    [Fact]
    public async Task AHistoryWithoutPersonalisationConsent_IsNotUsed_ButAnAnonymousDevicesIs_WithConsent()
    {
        var device = Guid.NewGuid().ToString();
        var decide = (bool personal) => fixture.Client().PostAsync(RecordDevice,
            new { input = new { deviceId = device, policyVersion = "1.0", decisions = Decisions(("analytics", true), ("personalisation", personal)) } });
        (await decide(false)).EnsureNoErrors();
        (await fixture.Client().PostAsync(Record, new { input = new { deviceId = device, events = new[] { Viewed(await SpiceProductAsync()) } } })).EnsureNoErrors();

        var analyticsOnly = (await fixture.Client().PostAsync(Recommended, new { d = device })).EnsureNoErrors().Data!["recommendedProducts"]!;
        (await decide(true)).EnsureNoErrors();
        var personal = (await fixture.Client().PostAsync(Recommended, new { d = device })).EnsureNoErrors().Data!["recommendedProducts"]!;

        Assert.Equal("POPULAR", analyticsOnly["basis"]!.GetValue<string>());
        Assert.Equal("PERSONAL", personal["basis"]!.GetValue<string>());
        Assert.Equal(["consent.device_id_invalid"], (await fixture.Client().PostAsync(Recommended, new { d = "device-1" })).ErrorCodes);
    }

    [Fact]
    public async Task EventsOlderThanThirteenMonths_AreDeletedByTheRetentionJob_ButNotThoseOfACustomerUnderALegalHold()
    {
        var now = DateTimeOffset.UtcNow;
        var held = await fixture.CreateCustomerAsync("held@example.in", "Held");
        var other = await fixture.CreateCustomerAsync("other@example.in", "Other");
        await using (var db = fixture.Database.CreateDbContext())
        {
            var old = now.AddMonths(-13).AddDays(-1);
            db.ShopEvents.AddRange(
                new ShopEvent(ShopEventType.Searched, null, Guid.NewGuid(), null, "old device", old, now, null, null, null),
                new ShopEvent(ShopEventType.Searched, other, null, null, "old customer", old, now, null, null, null),
                new ShopEvent(ShopEventType.Searched, held, null, null, "old but held", old, now, null, null, null),
                new ShopEvent(ShopEventType.Searched, null, Guid.NewGuid(), null, "recent", now.AddMonths(-12), now, null, null, null));
            await db.SaveChangesAsync();
        }

        var officer = fixture.Client().As("staff-privacy", roles: "privacy_officer");
        (await officer.PostAsync("mutation($c: ID!) { placeLegalHold(customerId: $c, reason: \"Court order 12/2026\") { legalHold { id } errors { code } } }",
            new { c = GlobalId.Encode("Customer", held.ToString()) })).EnsureNoErrors();
        var runs = await fixture.Factory.Services.GetRequiredService<RetentionJob>().RunAsync(CancellationToken.None);

        var events = runs.Single(r => r.Rule == "events");
        Assert.Equal((2, 1), (events.Deleted, events.Held));
        Assert.Equal(["old but held", "recent"], (await StoredAsync()).Select(e => e.Query).Order());
        var rule = (await officer.PostAsync("{ retentionRules { code months action lastDeleted lastHeld } }")).EnsureNoErrors()
            .Data!["retentionRules"]!.AsArray().Single(r => r!["code"]!.GetValue<string>() == "events")!;
        Assert.Equal((13, "DELETE", 2, 1), (rule["months"]!.GetValue<int>(), rule["action"]!.GetValue<string>(), rule["lastDeleted"]!.GetValue<int>(),
            rule["lastHeld"]!.GetValue<int>()));
    }
}
