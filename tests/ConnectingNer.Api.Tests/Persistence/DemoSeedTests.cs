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
