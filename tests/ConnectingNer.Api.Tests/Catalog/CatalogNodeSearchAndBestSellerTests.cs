using ConnectingNer.Application.Ordering;
using ConnectingNer.Domain.Catalog;
using ConnectingNer.Domain.Ordering;
using ConnectingNer.GraphQL.Server.Relay;
using ConnectingNer.Infrastructure.Persistence.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConnectingNer.Api.Tests.Catalog;

[Collection(ApiCollection.Name)]
public sealed class CatalogNodeSearchAndBestSellerTests(ApiFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Node_WhenGlobalIdsOfEachEntityType_ReturnsThem()
    {
        var response = await fixture.Client().PostAsync("""
            query($p: ID!, $c: ID!) {
              p: node(id: $p) { id __typename ... on Product { sku } }
              c: node(id: $c) { id __typename ... on Category { slug } }
            }
            """, new { p = GlobalId.Encode("Product", 7), c = GlobalId.Encode("Category", 3) });

        response.EnsureNoErrors();
        Assert.Equal("SPI-002", response.Data!["p"]!["sku"]!.GetValue<string>());
        Assert.Equal("handloom", response.Data!["c"]!["slug"]!.GetValue<string>());
    }

    [Fact]
    public async Task Nodes_WhenSomeIdsAreBad_ReturnsNullsInPlaceWithErrors()
    {
        var ids = new[] { GlobalId.Encode("Product", 1), "garbage", GlobalId.Encode("Product", 999), GlobalId.Encode("Category", 1) };

        var response = await fixture.Client().PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids });

        var nodes = response.Data!["nodes"]!.AsArray();
        Assert.Equal([ids[0], null, null, ids[3]], nodes.Select(n => n?["id"]?.GetValue<string>()));
        Assert.Equal(["NODE_INVALID_ID", "NOT_FOUND"], response.ErrorCodes);
        Assert.Equal(1, response.Errors![0]!["path"]![1]!.GetValue<int>());
        Assert.Equal(2, response.Errors![1]!["path"]![1]!.GetValue<int>());
    }

    [Fact]
    public async Task Nodes_WhenMoreThanFiftyIds_IsRefused()
    {
        var ids = Enumerable.Range(1, 51).Select(i => GlobalId.Encode("Product", i)).ToArray();

        var response = await fixture.Client().PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids });

        Assert.Equal(["NODE_INVALID_ID"], response.ErrorCodes);
    }

    [Fact]
    public async Task Nodes_WhenManyIdsOfOneType_CostOneQueryPerType()
    {
        var ids = Enumerable.Range(1, 15).Select(i => GlobalId.Encode("Product", i)).Append(GlobalId.Encode("Category", 2)).ToArray();
        fixture.Sql.Reset();

        var response = await fixture.Client().PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids });

        response.EnsureNoErrors();
        Assert.Equal(2, fixture.Sql.Count);
    }

    [Fact]
    public async Task Schema_EveryEntityTypeImplementsNode()
    {
        var response = await fixture.Client().PostAsync("""{ __type(name: "Node") { possibleTypes { name } } }""");

        Assert.Equal(["Category", "Customer", "Order", "Product"], response.EnsureNoErrors().Data!["__type"]!["possibleTypes"]!.AsArray()
            .Select(t => t!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    private async Task AddNamedProductsAsync()
    {
        await using var db = fixture.Database.CreateDbContext();
        var now = DateTimeOffset.UtcNow;
        db.Products.AddRange(
            Product.Create("SPC-JOL", "Bhut Jolokia Dried Chilli", "The ghost pepper of Assam, smoked.", 45_000, 9, 2, now).Value,
            Product.Create("SPC-TUR", "Lakadong Turmeric Powder", "High-curcumin turmeric from Meghalaya.", 32_000, 9, 2, now).Value,
            Product.Create("PKL-KCP", "Naga King Chilli Pickle", "Fiery pickle of raja mircha.", 28_000, 9, 2, now).Value);
        await db.SaveChangesAsync();
    }

    private async Task<List<string>> SearchAsync(string query)
    {
        var response = await fixture.Client().PostAsync(
            "query($q: String!) { searchProducts(query: $q, first: 10) { nodes { sku } } }", new { q = query });
        return response.EnsureNoErrors().Data!["searchProducts"]!["nodes"]!.AsArray().Select(n => n!["sku"]!.GetValue<string>()).ToList();
    }

    [Theory]
    [InlineData("jolokia", "SPC-JOL")]
    [InlineData("jolokai chili", "SPC-JOL")]   // a typo in each word
    [InlineData("turmeric meghalaya", "SPC-TUR")]
    [InlineData("lakadong tumeric", "SPC-TUR")]
    [InlineData("pickles", "PKL-KCP")]         // English stem
    public async Task SearchProducts_FindsTheBestMatchFirst(string query, string best)
    {
        await AddNamedProductsAsync();

        var skus = await SearchAsync(query);

        Assert.Equal(best, skus.FirstOrDefault());
    }

    [Fact]
    public async Task SearchProducts_WhenSeveralMatch_RanksThemAndPagesByRelevance()
    {
        await AddNamedProductsAsync();
        var all = await SearchAsync("chilli");
        var client = fixture.Client();

        var first = await client.PostAsync("{ searchProducts(query: \"chilli\", first: 1) { nodes { sku } pageInfo { endCursor hasNextPage } } }");
        var cursor = first.Data!["searchProducts"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        var second = await client.PostAsync("query($a: String) { searchProducts(query: \"chilli\", first: 1, after: $a) { nodes { sku } } }", new { a = cursor });

        Assert.Equal(["SPC-JOL", "PKL-KCP"], all.Order(StringComparer.Ordinal).Reverse());
        Assert.Equal(all[1], second.EnsureNoErrors().Data!["searchProducts"]!["nodes"]![0]!["sku"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task SearchProducts_WhenQueryEmpty_ReturnsValidationError(string query)
    {
        var response = await fixture.Client().PostAsync("query($q: String!) { searchProducts(query: $q) { nodes { sku } } }", new { q = query });

        Assert.Equal(["VALIDATION_FAILED"], response.ErrorCodes);
    }

    [Theory]
    [InlineData("SELECT 1 FROM products WHERE search_vector @@ websearch_to_tsquery('simple', 'jolokia')", "ix_products_search_vector")]
    [InlineData("SELECT 1 FROM products WHERE 'jolokai' <% name", "ix_products_name_trgm")]
    [InlineData("SELECT 1 FROM products WHERE tags @> ARRAY['gift']", "ix_products_tags")]
    public async Task SearchIndexes_AreUsableByTheirQueries(string sql, string index)
    {
        await using var db = fixture.Database.CreateDbContext();
        await new DemoDataSeeder(db, TimeProvider.System, NullLogger<DemoDataSeeder>.Instance).SeedAsync(CancellationToken.None);
        await db.Database.ExecuteSqlRawAsync("ANALYZE products");
        await using var transaction = await db.Database.BeginTransactionAsync();
        // On a catalog this small the planner may prefer reading the (name, id) b-tree whole; without it and without
        // sequential scans, the plan shows which index serves the predicate. Rolled back below.
        await db.Database.ExecuteSqlRawAsync("DROP INDEX ix_products_name_id");
        await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off");
        var explain = "EXPLAIN " + sql; // test-owned constant SQL
        var plan = await db.Database.SqlQueryRaw<string>(explain).ToListAsync();

        await transaction.RollbackAsync();

        Assert.Contains(plan, line => line.Contains(index, StringComparison.Ordinal));
    }

    /// <summary>An order of one line in a given state, written directly (its address need not open for this test).</summary>
    private static Order Sold(int product, int quantity, ConnectingNer.Domain.Ordering.PaymentMethod payment, params ConnectingNer.Domain.Ordering.OrderStatus[] steps)
    {
        var now = DateTimeOffset.UtcNow;
        var order = Order.Place(Guid.NewGuid(), payment,
            [OrderLine.Create(product, "SKU", "Item", "0902", 500, 100, quantity, intraState: true)], "Assam", true, Guid.NewGuid(), [1], null,
            null, null, null, "customer", now);
        foreach (var step in steps)
        {
            var moved = step == ConnectingNer.Domain.Ordering.OrderStatus.Paid ? order.RecordPayment(order.TotalPaise, "p", "partner:p", now) : order.Move(step, "staff:1", null, now);
            Assert.True(moved.IsSuccess);
        }

        return order;
    }

    [Fact]
    public async Task BestSellers_RankVisibleProductsByUnitsSold_InPaidOrDeliveredOrders()
    {
        await using (var db = fixture.Database.CreateDbContext())
        {
            const ConnectingNer.Domain.Ordering.PaymentMethod Prepaid = ConnectingNer.Domain.Ordering.PaymentMethod.Prepaid;
            const ConnectingNer.Domain.Ordering.PaymentMethod Cod = ConnectingNer.Domain.Ordering.PaymentMethod.CashOnDelivery;
            const ConnectingNer.Domain.Ordering.OrderStatus Paid = ConnectingNer.Domain.Ordering.OrderStatus.Paid;
            const ConnectingNer.Domain.Ordering.OrderStatus Packed = ConnectingNer.Domain.Ordering.OrderStatus.Packed;
            const ConnectingNer.Domain.Ordering.OrderStatus Shipped = ConnectingNer.Domain.Ordering.OrderStatus.Shipped;
            const ConnectingNer.Domain.Ordering.OrderStatus Delivered = ConnectingNer.Domain.Ordering.OrderStatus.Delivered;
            const ConnectingNer.Domain.Ordering.OrderStatus Cancelled = ConnectingNer.Domain.Ordering.OrderStatus.Cancelled;
            db.Orders.AddRange(
                Sold(3, 5, Prepaid, Paid), Sold(3, 7, Cod, Packed, Shipped, Delivered),
                Sold(8, 30, Prepaid, Paid, Packed),
                Sold(12, 12, Prepaid, Paid),
                Sold(1, 100, Prepaid, Paid),
                // Not sold: waiting for payment, cash on delivery not yet delivered, cancelled after payment.
                Sold(4, 50, Prepaid), Sold(5, 50, Cod, Packed), Sold(6, 50, Prepaid, Paid, Cancelled));
            var withdrawn = await db.Products.SingleAsync(p => p.Id == 1);
            withdrawn.Update(null, null, null, null, isActive: false, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        var response = await fixture.Client().PostAsync("{ bestSellers(first: 3) { rank unitsSold product { sku } } }");

        var rows = response.EnsureNoErrors().Data!["bestSellers"]!.AsArray();
        Assert.Equal(["1:SPI-003:30", "2:TEA-003:12", "3:HAN-002:12"], rows.Select(r =>
            $"{r!["rank"]}:{r["product"]!["sku"]}:{r["unitsSold"]}"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    public async Task BestSellers_WhenFirstOutOfRange_ReturnsValidationError(int first)
    {
        var response = await fixture.Client().PostAsync("query($f: Int) { bestSellers(first: $f) { rank } }", new { f = first });

        Assert.Equal(["VALIDATION_FAILED"], response.ErrorCodes);
    }
}
