using System.Net.Http.Headers;
using ConnectingNer.Application.Analytics;
using ConnectingNer.Domain.Analytics;
using ConnectingNer.GraphQL.Server.Relay;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Api.Tests.Consent;

/// <summary>The analytics partner gets aggregates only: no person, no device, no search text, and no group of fewer than ten people.</summary>
[Collection(ApiCollection.Name)]
public sealed class EventAggregateTests(ApiFixture fixture) : IAsyncLifetime
{
    private const string Aggregates = """
        query($from: DateTimeOffset!, $to: DateTimeOffset!, $by: Boolean) {
          eventAggregates(from: $from, to: $to, byProduct: $by) { groups { day type productId events people } suppressedGroups minimumGroupSize }
        }
        """;

    public Task InitializeAsync() => fixture.ResetAsync(productsPerCategory: 2);

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<GraphQLClient> AnalyticsAsync()
    {
        var client = fixture.Client();
        client.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            await fixture.PartnerTokenAsync(TestClients.AnalyticsId, TestClients.AnalyticsSecret, "analytics:aggregate"));
        return client;
    }

    [Fact]
    public async Task GroupsOfFewerThanTenPeople_AreLeftOut_AndNoPersonOrSearchTextIsShown()
    {
        var at = new DateTimeOffset(2026, 12, 2, 6, 0, 0, TimeSpan.Zero); // 11:30 in India
        int popular, niche;
        await using (var db = fixture.Database.CreateDbContext())
        {
            var ids = await db.Products.OrderBy(p => p.Id).Select(p => p.Id).Take(2).ToListAsync();
            (popular, niche) = (ids[0], ids[1]);
            // Twelve devices view the popular product (one of them twice); three view the niche one; one searches.
            db.ShopEvents.AddRange(Enumerable.Range(0, 12).Select(_ => Guid.NewGuid()).SelectMany((d, i) =>
                Enumerable.Range(0, i == 0 ? 2 : 1).Select(_ => new ShopEvent(ShopEventType.ProductViewed, null, d, popular, null, at.AddMinutes(i), at, null, null, null))));
            db.ShopEvents.AddRange(Enumerable.Range(0, 3).Select(i =>
                new ShopEvent(ShopEventType.ProductViewed, null, Guid.NewGuid(), niche, null, at.AddMinutes(i), at, null, null, null)));
            db.ShopEvents.Add(new ShopEvent(ShopEventType.Searched, Guid.NewGuid(), null, null, "gift for meera das", at, at, null, null, null));
            await db.SaveChangesAsync();
        }

        var client = await AnalyticsAsync();
        var byProduct = (await client.PostAsync(Aggregates, new { from = at.AddDays(-1), to = at.AddDays(1), by = true })).EnsureNoErrors();
        var byType = (await client.PostAsync(Aggregates, new { from = at.AddDays(-1), to = at.AddDays(1), by = false })).EnsureNoErrors();

        var result = byProduct.Data!["eventAggregates"]!;
        var group = Assert.Single(result["groups"]!.AsArray())!;
        Assert.Equal(GlobalId.Encode("Product", popular), group["productId"]!.GetValue<string>());
        Assert.Equal(("2026-12-02", "PRODUCT_VIEWED", 13, 12),
            (group["day"]!.GetValue<string>(), group["type"]!.GetValue<string>(), group["events"]!.GetValue<int>(), group["people"]!.GetValue<int>()));
        Assert.Equal(2, result["suppressedGroups"]!.GetValue<int>()); // the niche product and the lone search
        Assert.Equal(10, result["minimumGroupSize"]!.GetValue<int>());
        var views = Assert.Single(byType.Data!["eventAggregates"]!["groups"]!.AsArray())!;
        Assert.Equal((16, 15), (views["events"]!.GetValue<int>(), views["people"]!.GetValue<int>()));
        Assert.DoesNotContain("meera", byProduct.Text + byType.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task OnlyTheAnalyticsPartner_GetsAggregates_ForAPeriodOfLimitedLength()
    {
        var now = DateTimeOffset.UtcNow;
        var customer = fixture.Client().As(Guid.NewGuid().ToString());
        var support = fixture.Client().As("staff-support", roles: "support");
        var marketing = fixture.Client();
        marketing.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            await fixture.PartnerTokenAsync(TestClients.MarketingId, TestClients.MarketingSecret, "marketing:send"));

        foreach (var refused in new[] { customer, support, marketing, fixture.Client() })
            Assert.Contains((await refused.PostAsync(Aggregates, new { from = now.AddDays(-1), to = now })).ErrorCodes.Single(),
                (string[])["AUTH_NOT_AUTHORIZED", "AUTH_NOT_AUTHENTICATED"]);

        var client = await AnalyticsAsync();
        Assert.Equal(["aggregates.range_invalid"], (await client.PostAsync(Aggregates, new { from = now, to = now.AddDays(-1) })).ErrorCodes);
        Assert.Equal(["aggregates.range_invalid"], (await client.PostAsync(Aggregates, new { from = now.AddDays(-40), to = now, by = true })).ErrorCodes);
        Assert.Empty((await client.PostAsync(Aggregates, new { from = now.AddDays(-40), to = now })).EnsureNoErrors().Data!["eventAggregates"]!["groups"]!.AsArray());
    }
}
