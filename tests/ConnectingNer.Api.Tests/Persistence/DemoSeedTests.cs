using ConnectingNer.Api.Persistence;
using ConnectingNer.Application.Ordering;
using ConnectingNer.Domain.Ordering;
using ConnectingNer.Infrastructure.Persistence.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConnectingNer.Api.Tests.Persistence;

[Collection(ApiCollection.Name)]
public sealed class DemoSeedTests(ApiFixture fixture)
{
    [Fact]
    public async Task Seed_WhenRunTwice_AddsTheSameCatalogOnce()
    {
        await fixture.Database.ResetAsync();

        var first = await SeedAndReadAsync();
        var second = await SeedAndReadAsync();

        Assert.True(first.Categories >= 8);
        Assert.True(first.Products >= 1000);
        Assert.Equal(first, second);
        await fixture.ResetAsync();
    }

    private async Task<(int Categories, int Products, long PriceSum, string FirstSku)> SeedAndReadAsync()
    {
        await using (var db = fixture.Database.CreateDbContext())
            await new DemoDataSeeder(db, TimeProvider.System, NullLogger<DemoDataSeeder>.Instance).SeedAsync(CancellationToken.None);

        await using var read = fixture.Database.CreateDbContext();
        return (await read.Categories.CountAsync(), await read.Products.CountAsync(),
            await read.Products.SumAsync(p => p.PricePaise), await read.Products.OrderBy(p => p.Id).Select(p => p.Sku).FirstAsync());
    }
}

/// <summary>The demo's order history: made by real commands, an order in every state, a bulk order, partners with work to do; once only.</summary>
[Collection(ApiCollection.Name)]
public sealed class DemoOrderSeedTests(ApiFixture fixture) : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        await using var db = fixture.Database.CreateDbContext();
        await new DemoDataSeeder(db, TimeProvider.System, NullLogger<DemoDataSeeder>.Instance).SeedAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => fixture.ResetAsync();

    [Fact]
    public async Task TheSeed_PlacesRealOrders_InEveryState_WithABulkOrder_AndRunsOnce()
    {
        await fixture.CreateAccountAsync(ConnectingNer.Api.Persistence.DemoAccounts.Customer, "demo-customer-pass");
        await fixture.CreateAccountAsync(ConnectingNer.Api.Persistence.DemoAccounts.Support, "demo-support-pass", true, "support");

        await fixture.Factory.Services.SeedDemoOrdersAsync(ConnectingNer.Api.Persistence.DemoAccounts.Customer, ConnectingNer.Api.Persistence.DemoAccounts.Support, CancellationToken.None);
        await using var db = fixture.Database.CreateDbContext();
        var count = await db.Orders.CountAsync();
        await fixture.Factory.Services.SeedDemoOrdersAsync(ConnectingNer.Api.Persistence.DemoAccounts.Customer, ConnectingNer.Api.Persistence.DemoAccounts.Support, CancellationToken.None);

        Assert.Equal(31, count);
        Assert.Equal(count, await db.Orders.CountAsync());
        Assert.Equal(Enum.GetValues<OrderStatus>().Order(), (await db.Orders.Select(o => o.Status).Distinct().ToListAsync()).Order());
        var bulk = await db.Orders.SingleAsync(o => o.OrganisationId != null);
        Assert.Equal(("PO-BTT-2026-0042", ConnectingNer.Api.Persistence.DemoOrders.OrganisationGstin), (bulk.PurchaseOrderNumber, bulk.BuyerGstin));
        Assert.All(await db.Orders.Select(o => o.Number).ToListAsync(), n => Assert.Matches(@"^CN/\d{4}-\d\d/0000\d\d$", n));

        var bestSellers = (await fixture.Client().PostAsync("{ bestSellers(first: 5) { unitsSold product { sku } } }")).EnsureNoErrors().Data!["bestSellers"]!.AsArray();
        Assert.Equal(5, bestSellers.Count);
        var logistics = fixture.Client();
        logistics.Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            await fixture.PartnerTokenAsync(TestClients.LogisticsId, TestClients.LogisticsSecret, "orders:fulfil"));
        var work = (await logistics.PostAsync("{ shipmentsToFulfil { totalCount nodes { recipient { city } } } }")).EnsureNoErrors().Data!["shipmentsToFulfil"]!;
        Assert.True(work["totalCount"]!.GetValue<int>() >= 2);

        // The customer's consent, once: analytics, personalisation and email offers granted, SMS offers withdrawn.
        var consent = await db.Set<ConnectingNer.Domain.Consent.ConsentRecord>().Where(r => r.CustomerId != null)
            .Select(r => new { r.Purpose, r.Granted }).ToListAsync();
        Assert.Equal([("analytics", true), ("marketing.email", true), ("marketing.sms", false), ("personalisation", true)],
            consent.Select(c => (c.Purpose, c.Granted)).Order());
    }
}
