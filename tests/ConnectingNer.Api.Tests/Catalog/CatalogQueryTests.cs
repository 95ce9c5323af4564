using System.Net;
using System.Text.Json.Nodes;
using ConnectingNer.Domain.Catalog;
using ConnectingNer.GraphQL.Server.Relay;
using Snapshooter.Xunit;

namespace ConnectingNer.Api.Tests.Catalog;

[Collection(ApiCollection.Name)]
public sealed class CatalogQueryTests(ApiFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private const string PageQuery = """
        query Page($first: Int, $after: String, $last: Int, $before: String) {
          products(first: $first, after: $after, last: $last, before: $before) {
            nodes { id sku name price { amount amountInPaise currency formatted } stock isInStock category { id name slug } }
            edges { cursor node { sku } }
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          }
        }
        """;

    [Fact]
    public async Task Products_WhenFirstPageRequested_MatchesSnapshot()
    {
        var response = await fixture.Client().PostAsync(PageQuery, new { first = 3 });

        response.EnsureNoErrors();
        Snapshot.Match(response.Pretty());
    }

    [Fact]
    public async Task Products_WhenNoArguments_ReturnsDefaultPageOfTen()
    {
        var response = await fixture.Client().PostAsync("{ products { nodes { sku } pageInfo { hasNextPage } } }");

        var nodes = response.EnsureNoErrors().Data!["products"]!["nodes"]!.AsArray();
        Assert.Equal(10, nodes.Count);
        Assert.True(response.Data!["products"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Products_WhenTotalCountSelected_CountsVisibleProducts()
    {
        var response = await fixture.Client().PostAsync("{ products(first: 1) { totalCount } }");

        Assert.Equal(15, response.EnsureNoErrors().Data!["products"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Products_WhenTotalCountNotSelected_RunsOneSqlCommand()
    {
        fixture.Sql.Reset();

        await fixture.Client().PostAsync("{ products(first: 50) { nodes { sku category { name } } } }");

        Assert.Equal(1, fixture.Sql.Count);
        Assert.DoesNotContain(fixture.Sql.Commands, c => c.Contains("count(", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Products_WhenPagingForward_VisitsEveryProductOnceEvenWithInsertsBetweenPages()
    {
        var client = fixture.Client();
        var seen = new List<string>();
        string? after = null;
        var inserted = false;
        while (true)
        {
            var page = (await client.PostAsync(PageQuery, new { first = 4, after })).EnsureNoErrors().Data!["products"]!;
            seen.AddRange(page["nodes"]!.AsArray().Select(n => n!["sku"]!.GetValue<string>()));
            if (!inserted)
            {
                // A product added while a client pages must neither shift nor repeat what it has seen.
                await using var db = fixture.Database.CreateDbContext();
                db.Products.Add(Product.Create("NEW-001", "Added while paging", "", 500, 1, 1, DateTimeOffset.UtcNow).Value);
                await db.SaveChangesAsync();
                inserted = true;
            }

            if (!page["pageInfo"]!["hasNextPage"]!.GetValue<bool>()) break;
            after = page["pageInfo"]!["endCursor"]!.GetValue<string>();
        }

        Assert.Equal(16, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal("NEW-001", seen[^1]);
    }

    [Fact]
    public async Task Products_WhenPagingBackward_ReturnsThePreviousPage()
    {
        var client = fixture.Client();
        var first = (await client.PostAsync(PageQuery, new { first = 6 })).Data!["products"]!;
        var sixth = first["edges"]!.AsArray()[5]!["cursor"]!.GetValue<string>();

        var back = (await client.PostAsync(PageQuery, new { last = 2, before = sixth })).EnsureNoErrors().Data!["products"]!;

        Assert.Equal(["TEA-004", "TEA-005"], back["nodes"]!.AsArray().Select(n => n!["sku"]!.GetValue<string>()));
        Assert.True(back["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
        Assert.True(back["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("{ products(first: 51) { nodes { sku } } }", "PAGING_INVALID_ARGUMENT")]
    [InlineData("{ products(first: -1) { nodes { sku } } }", "PAGING_INVALID_ARGUMENT")]
    [InlineData("{ products(first: 2, last: 2) { nodes { sku } } }", "PAGING_INVALID_ARGUMENT")]
    [InlineData("{ products(after: \"not-a-cursor\") { nodes { sku } } }", "PAGING_INVALID_CURSOR")]
    [InlineData("{ products(after: \"WyJ4Il0=\") { nodes { sku } } }", "PAGING_INVALID_CURSOR")]
    [InlineData("{ product(id: \"garbage\") { sku } }", "NODE_INVALID_ID")]
    [InlineData("{ product(id: \"Q2F0ZWdvcnk6MQ==\") { sku } }", "NODE_INVALID_ID")]
    [InlineData("{ product(id: \"UHJvZHVjdDo5OTk5\") { sku } }", "NOT_FOUND")]
    [InlineData("{ productBySku(sku: \"NOPE-1\") { sku } }", "NOT_FOUND")]
    public async Task Query_WhenArgumentIsBad_ReturnsNullWithCodedError(string query, string code)
    {
        var response = await fixture.Client().PostAsync(query);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal([code], response.ErrorCodes);
        var field = ((JsonObject)response.Data!).First().Value;
        Assert.Null(field);
    }

    [Fact]
    public async Task Product_WhenGlobalIdKnown_ReturnsIt()
    {
        var id = GlobalId.Encode("Product", 2);

        var response = await fixture.Client().PostAsync("query($id: ID!) { product(id: $id) { id sku } }", new { id });

        Assert.Equal(id, response.EnsureNoErrors().Data!["product"]!["id"]!.GetValue<string>());
        Assert.Equal("TEA-002", response.Data!["product"]!["sku"]!.GetValue<string>());
    }

    [Fact]
    public async Task ProductBySku_WhenLetterCaseDiffers_FindsTheProduct()
    {
        var response = await fixture.Client().PostAsync("{ productBySku(sku: \" spi-003 \") { sku name } }");

        Assert.Equal("SPI-003", response.EnsureNoErrors().Data!["productBySku"]!["sku"]!.GetValue<string>());
    }

    [Fact]
    public async Task Products_WhenProductInactive_HiddenFromCustomersButShownToStaff()
    {
        await DeactivateAsync("TEA-001");

        var anonymous = await fixture.Client().PostAsync("{ products(first: 50) { totalCount } productBySku(sku: \"TEA-001\") { sku } }");
        var staff = await fixture.Client().AsCatalogManager().PostAsync("{ products(first: 50) { totalCount } productBySku(sku: \"TEA-001\") { isActive } }");

        Assert.Equal(14, anonymous.Data!["products"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(["NOT_FOUND"], anonymous.ErrorCodes);
        Assert.Equal(15, staff.EnsureNoErrors().Data!["products"]!["totalCount"]!.GetValue<int>());
        Assert.False(staff.Data!["productBySku"]!["isActive"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AnInactiveProduct_ByGlobalId_IsHiddenFromCustomersButShownToStaff()
    {
        await DeactivateAsync("TEA-001");

        int Id(string sku)
        {
            using var db = fixture.Database.CreateDbContext();
            return db.Products.Single(p => p.Sku == sku).Id;
        }

        const string Query = "query($ids: [ID!]!) { nodes(ids: $ids) { ... on Product { sku } } }";
        var ids = new[] { GlobalId.Encode("Product", Id("TEA-001")), GlobalId.Encode("Product", Id("TEA-002")) };
        var anonymous = await fixture.Client().PostAsync(Query, new { ids });
        var staff = await fixture.Client().AsCatalogManager().PostAsync(Query, new { ids });

        Assert.Null(anonymous.Data!["nodes"]![0]);
        Assert.Equal("TEA-002", anonymous.Data!["nodes"]![1]!["sku"]!.GetValue<string>());
        Assert.Equal(["TEA-001", "TEA-002"], staff.EnsureNoErrors().Data!["nodes"]!.AsArray().Select(n => n!["sku"]!.GetValue<string>()));
    }

    private async Task DeactivateAsync(string sku)
    {
        await using var db = fixture.Database.CreateDbContext();
        db.Products.Single(p => p.Sku == sku).Update(null, null, null, null, isActive: false, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Categories_ReturnsAllByName()
    {
        var response = await fixture.Client().PostAsync("{ categories { name slug } }");

        Assert.Equal(["Handloom", "Spices", "Tea"],
            response.EnsureNoErrors().Data!["categories"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
    }
}
