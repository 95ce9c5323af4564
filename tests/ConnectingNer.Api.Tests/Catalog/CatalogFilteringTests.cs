using System.Text.Json.Nodes;

namespace ConnectingNer.Api.Tests.Catalog;

/// <summary>Every filter operator against PostgreSQL, over the fixture's 15 products (TEA/SPI/HAN-001…005).</summary>
[Collection(ApiCollection.Name)]
public sealed class CatalogFilteringTests(ApiFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private const string Query = """
        query($where: ProductFilterInput) { products(first: 50, where: $where, order: [{ sku: ASC }]) { nodes { sku } } }
        """;

    private static string Items(string prefixes, params int[] items) =>
        string.Join(",", prefixes.Split(',').SelectMany(p => items.Select(i => $"{p}-{i:D3}")).Order(StringComparer.Ordinal));

    private const string All = "HAN,SPI,TEA";

    public static TheoryData<string, string> Filters => new()
    {
        { """{ "sku": { "eq": "TEA-001" } }""", "TEA-001" },
        { """{ "sku": { "neq": "TEA-001" }, "category": { "slug": { "eq": "tea" } } }""", Items("TEA", 2, 3, 4, 5) },
        { """{ "name": { "contains": "ITEM 3" } }""", Items(All, 3) },
        { """{ "name": { "ncontains": "item" } }""", "" },
        { """{ "name": { "contains": "item_1" } }""", "" },
        { """{ "sku": { "in": ["TEA-001", "SPI-002", "NOPE"] } }""", "SPI-002,TEA-001" },
        { """{ "sku": { "nin": ["TEA-001"] }, "stock": { "eq": 0 } }""", "HAN-001,SPI-001" },
        { """{ "sku": { "startsWith": "spi" } }""", Items("SPI", 1, 2, 3, 4, 5) },
        { """{ "sku": { "nstartsWith": "spi" }, "stock": { "eq": 0 } }""", "HAN-001,TEA-001" },
        { """{ "sku": { "endsWith": "-005" } }""", Items(All, 5) },
        { """{ "sku": { "nendsWith": "5" }, "category": { "name": { "eq": "Tea" } } }""", Items("TEA", 1, 2, 3, 4) },
        { """{ "pricePaise": { "gt": 10300 } }""", Items(All, 4, 5) },
        { """{ "pricePaise": { "gte": 10300, "lt": 10500 } }""", Items(All, 3, 4) },
        { """{ "pricePaise": { "lte": 10100 } }""", Items(All, 1) },
        { """{ "pricePaise": { "ngt": 10100 } }""", Items(All, 1) },
        { """{ "pricePaise": { "ngte": 10200 } }""", Items(All, 1) },
        { """{ "pricePaise": { "nlt": 10500 } }""", Items(All, 5) },
        { """{ "pricePaise": { "nlte": 10400 } }""", Items(All, 5) },
        { """{ "pricePaise": { "or": [{ "eq": 10100 }, { "eq": 10500 }] } }""", Items(All, 1, 5) },
        { """{ "stock": { "in": [0, 16] } }""", Items(All, 1, 5) },
        { """{ "stock": { "nin": [0, 16] }, "sku": { "startsWith": "TEA" } }""", Items("TEA", 2, 3, 4) },
        { """{ "isActive": { "eq": false } }""", "" },
        { """{ "isActive": { "neq": false }, "sku": { "eq": "HAN-002" } }""", "HAN-002" },
        { """{ "stockStatus": { "eq": "OUT_OF_STOCK" } }""", Items(All, 1) },
        { """{ "stockStatus": { "in": ["LOW_STOCK"] } }""", Items(All, 2, 3) },
        { """{ "stockStatus": { "nin": ["LOW_STOCK", "OUT_OF_STOCK"] } }""", Items(All, 4, 5) },
        { """{ "stockStatus": { "neq": "IN_STOCK" }, "sku": { "startsWith": "HAN" } }""", Items("HAN", 1, 2, 3) },
        { """{ "createdAt": { "gte": "2026-11-01T10:00:00Z" } }""", Items(All, 1, 2, 3, 4, 5) },
        { """{ "createdAt": { "lt": "2026-11-01T10:00:00Z" } }""", "" },
        { """{ "or": [{ "sku": { "eq": "TEA-001" } }, { "sku": { "eq": "HAN-005" } }] }""", "HAN-005,TEA-001" },
        { """{ "and": [{ "pricePaise": { "gt": 10100 } }, { "pricePaise": { "lt": 10300 } }], "category": { "name": { "eq": "Spices" } } }""", "SPI-002" },
        { """{ "tags": { "some": { "eq": "gift" } } }""", Items(All, 1, 4) },
        { """{ "tags": { "all": { "eq": "organic" } } }""", Items(All, 2, 3) },
        { """{ "tags": { "none": { "eq": "organic" } } }""", Items(All, 2, 4) },
        { """{ "tags": { "some": { "startsWith": "LIM" } } }""", Items(All, 5) },
        { """{ "tags": { "any": false } }""", Items(All, 2) },
        { """{ "tags": { "any": true }, "sku": { "endsWith": "1" } }""", Items(All, 1) },
        { """{ "category": { "name": { "in": ["Tea", "Handloom"] } }, "stock": { "eq": 4 } }""", "HAN-002,TEA-002" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Products_WhenFiltered_ReturnExactlyTheMatchingProducts(string where, string expected)
    {
        var response = await fixture.Client().PostAsync(Query, new { where = JsonNode.Parse(where) });

        var skus = response.EnsureNoErrors().Data!["products"]!["nodes"]!.AsArray().Select(n => n!["sku"]!.GetValue<string>());
        Assert.Equal(expected, string.Join(",", skus));
    }

    [Theory]
    [InlineData("""{ "categoryId": { "eq": 1 } }""")]       // on the read model, but not whitelisted
    [InlineData("""{ "version": { "eq": 1 } }""")]          // on the entity only
    [InlineData("""{ "pricePaise": { "contains": "1" } }""")] // a string operator on a number
    [InlineData("""{ "name": { "gt": "a" } }""")]             // a comparison on text
    [InlineData("""{ "stockStatus": { "eq": "SOLD" } }""")]   // an unknown enum value
    [InlineData("""{ "stock": { "eq": "many" } }""")]         // a value of the wrong type
    public async Task Products_WhenFilterNamesWhatCannotBeFiltered_IsRejectedBeforeExecution(string where)
    {
        var response = await fixture.Client().PostAsync(Query, new { where = JsonNode.Parse(where) });

        Assert.Null(response.Json!["data"]);
        Assert.Equal(["INVALID_VALUE"], response.ErrorCodes);
    }

    [Fact]
    public async Task Products_WhenInListHasMoreThanAThousandValues_ReturnsFilterInTooLarge()
    {
        var response = await fixture.Client().PostAsync(Query,
            new { where = new { stock = new { @in = Enumerable.Range(0, 1001).ToArray() } } });

        Assert.Equal(["FILTER_IN_TOO_LARGE"], response.ErrorCodes);
    }

    [Fact]
    public async Task Products_WhenFilterNestsTooDeep_ReturnsFilterTooDeep()
    {
        JsonNode where = new JsonObject { ["sku"] = new JsonObject { ["eq"] = "TEA-001" } };
        for (var i = 0; i < 12; i++) where = new JsonObject { ["and"] = new JsonArray(where) };

        var response = await fixture.Client().PostAsync(Query, new { where });

        Assert.Equal(["FILTER_TOO_DEEP"], response.ErrorCodes);
    }

    [Fact]
    public async Task Products_WhenFilterInlineInDocument_Works()
    {
        var response = await fixture.Client().PostAsync(
            """{ products(where: { sku: { in: ["HAN-003"] } }) { nodes { sku } } }""");

        Assert.Equal("HAN-003", response.EnsureNoErrors().Data!["products"]!["nodes"]![0]!["sku"]!.GetValue<string>());
    }
}
