using ConnectingNer.GraphQL.Server.Relay;

namespace ConnectingNer.Api.Tests.Ordering;

/// <summary>Reading orders: someone else's order is answered exactly as a missing one, and pages cost a bounded number of SQL round trips.</summary>
[Collection(ApiCollection.Name)]
public sealed class OrderReadingTests(ApiFixture fixture) : IAsyncLifetime
{
    private readonly Shoppers _shoppers = new(fixture);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SomeoneElsesOrder_IsAnsweredExactlyLikeAMissingOne()
    {
        var (tara, address) = await _shoppers.CreateAsync("tara@example.in");
        var (ravi, _) = await _shoppers.CreateAsync("ravi@example.in");
        var id = (await _shoppers.OrderAsync(tara, address, "PREPAID", null, (3, 1)))["order"]!["id"]!.GetValue<string>();
        var missing = GlobalId.Encode("Order", 999_999);

        var theirs = await _shoppers.As(ravi).PostAsync($$"""{ order(id: "{{id}}") { number } }""");
        var none = await _shoppers.As(ravi).PostAsync($$"""{ order(id: "{{missing}}") { number } }""");
        var node = await _shoppers.As(ravi).PostAsync($$"""{ node(id: "{{id}}") { id } }""");
        var noNode = await _shoppers.As(ravi).PostAsync($$"""{ node(id: "{{missing}}") { id } }""");
        var mine = await _shoppers.As(ravi).PostAsync("{ myOrders { totalCount nodes { number } } }");

        Assert.Equal(none.Text.Replace(missing, "<id>", StringComparison.Ordinal), theirs.Text.Replace(id, "<id>", StringComparison.Ordinal));
        Assert.Equal(["NOT_FOUND"], theirs.ErrorCodes);
        Assert.Equal(noNode.Text, node.Text);
        Assert.Equal(["NOT_FOUND"], node.ErrorCodes);
        Assert.Equal(0, mine.EnsureNoErrors().Data!["myOrders"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], (await fixture.Client().As(tara.ToString()).PostAsync("{ myOrders { totalCount } }")).ErrorCodes);
    }

    [Fact]
    public async Task SupportReadingAnOrdersAddress_IsRecordedForTheCustomer_AndTheCustomersOwnReadIsNot()
    {
        var (tara, address) = await _shoppers.CreateAsync("tara@example.in");
        await _shoppers.OrderAsync(tara, address, "PREPAID", null, (3, 1));
        const string Disclosures = "{ myDataDisclosures { nodes { purpose actorRoles fields masked } } }";

        (await _shoppers.As(tara).PostAsync("{ myOrders { nodes { shippingAddress { city phone } } } }")).EnsureNoErrors();
        Assert.Empty((await _shoppers.As(tara).PostAsync(Disclosures)).EnsureNoErrors().Data!["myDataDisclosures"]!["nodes"]!.AsArray());
        (await fixture.Client().As("staff-support", roles: "support").PostAsync("{ orders { nodes { shippingAddress { city phone } } } }")).EnsureNoErrors();

        var disclosure = Assert.Single((await _shoppers.As(tara).PostAsync(Disclosures)).EnsureNoErrors().Data!["myDataDisclosures"]!["nodes"]!.AsArray())!;
        Assert.Equal("customer_support", disclosure["purpose"]!.GetValue<string>());
        Assert.Equal(["support"], disclosure["actorRoles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(["orders.address.phone", "shippingAddress"], disclosure["fields"]!.AsArray().Select(f => f!.GetValue<string>()).Order());
        // The address was shown in full (only the phone masked): not a masked-only disclosure.
        Assert.False(disclosure["masked"]!.GetValue<bool>());
    }

    [Fact]
    public async Task MyOrders_WithLinesProductsAndCategories_CostAtMostThreeRoundTrips_WhateverThePageSize()
    {
        var (tara, address) = await _shoppers.CreateAsync("tara@example.in");
        for (var i = 0; i < 12; i++) await _shoppers.OrderAsync(tara, address, "CASH_ON_DELIVERY", null, (4 + i % 2, 1), (14, 1));
        const string Query = """
            query($first: Int) { myOrders(first: $first) { totalCount pageInfo { hasNextPage } nodes { number total { formatted }
              lines { quantity product { sku name category { name } } } } } }
            """;

        foreach (var first in new[] { 1, 5, 12 })
        {
            fixture.Sql.Reset();
            var response = (await _shoppers.As(tara).PostAsync(Query, new { first })).EnsureNoErrors();

            var nodes = response.Data!["myOrders"]!["nodes"]!.AsArray();
            Assert.Equal(first, nodes.Count);
            Assert.All(nodes, n => Assert.Equal(2, n!["lines"]!.AsArray().Count(l => l!["product"]!["category"]!["name"] is not null)));
            Assert.True(fixture.Sql.Count <= 3, $"{fixture.Sql.Count} round trips for first: {first}:\n" + string.Join("\n---\n", fixture.Sql.Commands));
            // The page's size is in the SQL text (one more row tells whether there is a next page), not a parameter:
            // PostgreSQL can then reuse one plan for the statement.
            Assert.Contains(fixture.Sql.Commands, c => c.Contains($"LIMIT {first + 1}", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task APagesLines_ReadOnlyTheSelectedColumns_AndAnswerAsTheOrderReadWhole()
    {
        var (tara, address) = await _shoppers.CreateAsync("tara@example.in");
        var id = (await _shoppers.OrderAsync(tara, address, "CASH_ON_DELIVERY", null, (4, 2), (14, 1)))["order"]!["id"]!.GetValue<string>();
        const string Lines = "lines { quantity unitPrice { amountInPaise } lineTotal { amountInPaise } taxableValue { amountInPaise } gstRatePercent product { sku } }";

        fixture.Sql.Reset();
        var narrow = (await _shoppers.As(tara).PostAsync($$"""{ myOrders { nodes { {{Lines}} } } }""")).EnsureNoErrors();
        var pageSql = Assert.Single(fixture.Sql.Commands, c => c.Contains("order_lines", StringComparison.Ordinal));
        fixture.Sql.Reset();
        // The invoice reads every line whole (its own lines show HSN codes and tax): the page then reads them whole too.
        var withInvoice = (await _shoppers.As(tara).PostAsync($$"""{ myOrders { nodes { invoice { number } {{Lines}} } } }""")).EnsureNoErrors();
        var wholeSql = Assert.Single(fixture.Sql.Commands, c => c.Contains("order_lines", StringComparison.Ordinal));
        var byId = (await _shoppers.As(tara).PostAsync($$"""{ order(id: "{{id}}") { {{Lines}} } }""")).EnsureNoErrors();

        Assert.DoesNotContain("hsn_code", pageSql, StringComparison.Ordinal);
        Assert.DoesNotContain("cgst_paise", pageSql, StringComparison.Ordinal);
        Assert.Contains("hsn_code", wholeSql, StringComparison.Ordinal);
        var lines = narrow.Data!["myOrders"]!["nodes"]![0]!["lines"]!;
        Assert.Equal(2, lines.AsArray().Count);
        Assert.All(lines.AsArray(), l => Assert.True(l!["gstRatePercent"]!.GetValue<decimal>() > 0 && l["taxableValue"]!["amountInPaise"]!.GetValue<long>() > 0));
        Assert.Equal(byId.Data!["order"]!["lines"]!.ToJsonString(), lines.ToJsonString());
        Assert.Equal(lines.ToJsonString(), withInvoice.Data!["myOrders"]!["nodes"]![0]!["lines"]!.ToJsonString());
    }

    [Fact]
    public async Task ALinesProduct_IsReadWithOnlyItsSelection_AndAnswersAsTheProductReadWhole()
    {
        var (tara, address) = await _shoppers.CreateAsync("tara@example.in");
        await _shoppers.OrderAsync(tara, address, "CASH_ON_DELIVERY", null, (4, 2), (14, 1));
        const string Full = "id name sku description price { amount } isInStock stockStatus tags createdAt category { name }";

        fixture.Sql.Reset();
        var page = (await _shoppers.As(tara).PostAsync($$"""{ myOrders(first: 1) { nodes { lines { product { name } full: product { {{Full}} } } } } }""")).EnsureNoErrors();
        var statements = fixture.Sql.Commands.Where(c => c.Contains("FROM products", StringComparison.Ordinal)).ToList();

        // One statement per selection of the level, each with its own columns.
        Assert.Equal(2, statements.Count);
        Assert.Single(statements, s => !s.Contains("description", StringComparison.Ordinal) && !s.Contains("sku", StringComparison.Ordinal));
        var lines = page.Data!["myOrders"]!["nodes"]![0]!["lines"]!.AsArray();
        Assert.Equal(2, lines.Count);
        foreach (var line in lines)
        {
            var full = line!["full"]!;
            var whole = (await _shoppers.As(tara).PostAsync($$"""{ node(id: "{{full["id"]!.GetValue<string>()}}") { ... on Product { {{Full}} } } }""")).EnsureNoErrors();
            Assert.Equal(whole.Data!["node"]!.ToJsonString(), full.ToJsonString());
            Assert.Equal(full["name"]!.GetValue<string>(), line["product"]!["name"]!.GetValue<string>());
            Assert.NotEmpty(full["description"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task DocumentsSelectingTheSameOfALinesProduct_ShareOneCompiledQuery()
    {
        var (tara, address) = await _shoppers.CreateAsync("tara@example.in");
        await _shoppers.OrderAsync(tara, address, "CASH_ON_DELIVERY", null, (4, 2));
        // A selection no other test makes.
        static int Compiled() => ConnectingNer.Infrastructure.Catalog.CompiledProductReader.CompiledShapes
            .Count(s => s.Contains("StockStatus", StringComparison.Ordinal) && s.Contains("Tags", StringComparison.Ordinal) && !s.Contains("Name", StringComparison.Ordinal));
        var before = Compiled();

        foreach (var document in new[]
        {
            "{ myOrders(first: 1) { nodes { lines { product { tags stockStatus } } } } }",
            "query Again { myOrders(first: 1) { nodes { number lines { quantity product { stockStatus tags } } } } }",
            "query Third { myOrders(first: 1) { nodes { lines { product { ...P } } } } } fragment P on Product { tags stockStatus }",
        })
        {
            var line = (await _shoppers.As(tara).PostAsync(document)).EnsureNoErrors().Data!["myOrders"]!["nodes"]![0]!["lines"]![0]!;
            Assert.NotNull(line["product"]!["stockStatus"]);
        }

        Assert.Equal(before + 1, Compiled());
    }

    [Fact]
    public async Task AFieldSelectedTwice_IsProjectedWithBothSelections()
    {
        var (tara, address) = await _shoppers.CreateAsync("tara@example.in");
        await _shoppers.OrderAsync(tara, address, "CASH_ON_DELIVERY", null, (4, 2));

        // The same response key twice (and once through a fragment): GraphQL merges them, so each must get both selections.
        var response = (await _shoppers.As(tara).PostAsync("""
            { myOrders(first: 1) { nodes { number lines { product { name } product { sku } ...L } } nodes { total { amountInPaise } } } }
            fragment L on OrderLine { quantity product { description } }
            """)).EnsureNoErrors();

        var order = response.Data!["myOrders"]!["nodes"]![0]!;
        Assert.True(order["total"]!["amountInPaise"]!.GetValue<long>() > 0);
        var product = order["lines"]![0]!["product"]!;
        Assert.NotEmpty(product["name"]!.GetValue<string>());
        Assert.NotEmpty(product["sku"]!.GetValue<string>());
        Assert.NotEmpty(product["description"]!.GetValue<string>());
        Assert.Equal(2, order["lines"]![0]!["quantity"]!.GetValue<int>());
    }
}
