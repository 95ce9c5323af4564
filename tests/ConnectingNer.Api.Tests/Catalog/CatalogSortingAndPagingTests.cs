using ConnectingNer.Domain.Catalog;

namespace ConnectingNer.Api.Tests.Catalog;

[Collection(ApiCollection.Name)]
public sealed class CatalogSortingAndPagingTests(ApiFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private const string Page = """
        query($first: Int, $after: String, $last: Int, $before: String, $order: [ProductSortInput!]) {
          products(first: $first, after: $after, last: $last, before: $before, order: $order) {
            nodes { sku } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          }
        }
        """;

    private async Task<List<string>> SkusAsync(object variables)
    {
        var response = await fixture.Client().PostAsync(Page, variables);
        return response.EnsureNoErrors().Data!["products"]!["nodes"]!.AsArray().Select(n => n!["sku"]!.GetValue<string>()).ToList();
    }

    [Fact]
    public async Task Products_WhenOrderedByPriceDescending_BreakTiesById()
    {
        var skus = await SkusAsync(new { first = 6, order = new object[] { new { pricePaise = "DESC" } } });

        // TEA ids 1-5, SPI 6-10, HAN 11-15: equal prices fall back to id order.
        Assert.Equal(["TEA-005", "SPI-005", "HAN-005", "TEA-004", "SPI-004", "HAN-004"], skus);
    }

    [Fact]
    public async Task Products_WhenOrderedByNestedAndSeveralKeys_FollowEveryKey()
    {
        var skus = await SkusAsync(new { first = 7, order = new object[] { new { category = new { name = "DESC" } }, new { stock = "DESC" } } });

        Assert.Equal(["TEA-005", "TEA-004", "TEA-003", "TEA-002", "TEA-001", "SPI-005", "SPI-004"], skus);
    }

    [Fact]
    public async Task Products_WhenPagingAnOrderWhileRowsAreInserted_SeeEachRowOnceInOrder()
    {
        var order = new object[] { new { category = new { name = "ASC" } }, new { pricePaise = "DESC" } };
        var expected = await SkusAsync(new { first = 50, order });
        var seen = new List<string>();
        string? after = null;
        for (var page = 0; ; page++)
        {
            var response = await fixture.Client().PostAsync(Page, new { first = 4, after, order });
            var products = response.EnsureNoErrors().Data!["products"]!;
            seen.AddRange(products["nodes"]!.AsArray().Select(n => n!["sku"]!.GetValue<string>()));
            if (page == 0)
            {
                // Inserted before the cursor (Handloom, most expensive): an offset cursor would repeat a row.
                await using var db = fixture.Database.CreateDbContext();
                db.Products.Add(Product.Create("HAN-900", "Handloom new", "", 99_900, 1, 3, DateTimeOffset.UtcNow).Value);
                await db.SaveChangesAsync();
            }

            if (!products["pageInfo"]!["hasNextPage"]!.GetValue<bool>()) break;
            after = products["pageInfo"]!["endCursor"]!.GetValue<string>();
        }

        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Products_WhenPagingBackwardInAnOrder_ReturnThePreviousRows()
    {
        var order = new object[] { new { pricePaise = "ASC" } };
        var response = await fixture.Client().PostAsync(Page, new { first = 9, order });
        var ninth = response.Data!["products"]!["pageInfo"]!["endCursor"]!.GetValue<string>();

        var previous = await SkusAsync(new { last = 3, before = ninth, order });

        // By price: TEA-001 SPI-001 HAN-001 TEA-002 SPI-002 HAN-002 TEA-003 SPI-003 HAN-003(9th).
        Assert.Equal(["HAN-002", "TEA-003", "SPI-003"], previous);
    }

    [Fact]
    public async Task Products_WhenCursorComesFromAnotherOrder_ReturnsInvalidCursor()
    {
        var byPrice = await fixture.Client().PostAsync(Page, new { first = 2, order = new object[] { new { pricePaise = "ASC" }, new { name = "ASC" } } });
        var cursor = byPrice.Data!["products"]!["pageInfo"]!["endCursor"]!.GetValue<string>();

        var response = await fixture.Client().PostAsync(Page, new { first = 2, after = cursor });

        Assert.Equal(["PAGING_INVALID_CURSOR"], response.ErrorCodes);
    }

    [Fact]
    public async Task Products_WhenPageSelectsFewFields_ReadOnlyThoseColumns()
    {
        fixture.Sql.Reset();

        await fixture.Client().PostAsync("{ products(first: 5) { nodes { sku } } }");
        var withoutCategory = fixture.Sql.Commands.Single();
        fixture.Sql.Reset();
        await fixture.Client().PostAsync("{ products(first: 5) { edges { node { ...P } } } } fragment P on Product { name category { name } }");
        var withCategory = fixture.Sql.Commands.Single();

        Assert.Contains("sku", withoutCategory, StringComparison.Ordinal);
        Assert.DoesNotContain("description", withoutCategory, StringComparison.Ordinal);
        Assert.DoesNotContain("price_paise", withoutCategory, StringComparison.Ordinal);
        Assert.DoesNotContain("JOIN", withoutCategory, StringComparison.Ordinal);
        Assert.Contains("JOIN categories", withCategory, StringComparison.Ordinal);
        Assert.DoesNotContain("slug", withCategory, StringComparison.Ordinal);
        Assert.DoesNotContain("sku", withCategory, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NestedConnections_WhenPageHasFiftyProducts_CostAtMostThreeSqlCommands()
    {
        await fixture.ResetAsync(productsPerCategory: 20);
        fixture.Sql.Reset();

        var response = await fixture.Client().PostAsync(
            "{ products(first: 50) { nodes { name category { name products(first: 5) { nodes { name } } } } } }");

        var nodes = response.EnsureNoErrors().Data!["products"]!["nodes"]!.AsArray();
        Assert.Equal(50, nodes.Count);
        Assert.True(fixture.Sql.Count <= 3, $"{fixture.Sql.Count} SQL commands:\n" + string.Join("\n---\n", fixture.Sql.Commands));
        var tea = nodes.First(n => n!["category"]!["name"]!.GetValue<string>() == "Tea")!;
        Assert.Equal(["Tea item 1", "Tea item 2", "Tea item 3", "Tea item 4", "Tea item 5"],
            tea["category"]!["products"]!["nodes"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task NestedConnection_HonoursItsOwnFilterOrderAndCount()
    {
        var response = await fixture.Client().PostAsync("""
            { categories { slug products(first: 2, where: { stock: { gt: 0 } }, order: [{ stock: DESC }]) {
                totalCount nodes { sku } pageInfo { hasNextPage } } } }
            """);

        var spices = response.EnsureNoErrors().Data!["categories"]!.AsArray().Single(c => c!["slug"]!.GetValue<string>() == "spices")!["products"]!;
        Assert.Equal(4, spices["totalCount"]!.GetValue<int>());
        Assert.Equal(["SPI-005", "SPI-004"], spices["nodes"]!.AsArray().Select(n => n!["sku"]!.GetValue<string>()));
        Assert.True(spices["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task NestedConnection_WhenAskedToPageWithCursor_ReturnsInvalidPagingArgument()
    {
        var response = await fixture.Client().PostAsync("{ categories { products(first: 2, after: \"WzFd\") { nodes { sku } } } }");

        Assert.Contains("PAGING_INVALID_ARGUMENT", response.ErrorCodes);
    }
}
