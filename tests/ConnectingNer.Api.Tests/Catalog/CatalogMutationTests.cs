using ConnectingNer.Application.Catalog.Commands;
using ConnectingNer.Application.Common.Exceptions;
using ConnectingNer.GraphQL.Server.Relay;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Snapshooter.Xunit;

namespace ConnectingNer.Api.Tests.Catalog;

[Collection(ApiCollection.Name)]
public sealed class CatalogMutationTests(ApiFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private const string Create = """
        mutation Create($input: CreateProductInput!) {
          createProduct(input: $input) {
            product { sku name price { amountInPaise } stock category { slug } }
            errors { code message field }
          }
        }
        """;

    private static object NewProduct(string sku = "TEA-900", long pricePaise = 45_000, int stock = 12, string? categoryId = null) => new
    {
        input = new
        {
            sku, name = "Majuli Green Tea", description = "Small garden.", pricePaise, stock,
            categoryId = categoryId ?? GlobalId.Encode("Category", 1),
        },
    };

    private async Task<int> ProductCountAsync()
    {
        await using var db = fixture.Database.CreateDbContext();
        return await db.Products.CountAsync();
    }

    [Fact]
    public async Task CreateProduct_WhenAnonymous_IsDeniedAndWritesNothing()
    {
        var response = await fixture.Client().PostAsync(Create, NewProduct());

        Snapshot.Match(response.Pretty());
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], response.ErrorCodes);
        Assert.Equal(15, await ProductCountAsync());
    }

    [Fact]
    public async Task CreateProduct_WhenSignedInWithoutCatalogWrite_IsNotAuthorized()
    {
        var response = await fixture.Client().As("customer-7", scopes: "openid catalog:read").PostAsync(Create, NewProduct());

        Assert.Equal(["AUTH_NOT_AUTHORIZED"], response.ErrorCodes);
        Assert.Null(response.Data!["createProduct"]);
        Assert.Equal(15, await ProductCountAsync());
    }

    [Fact]
    public async Task CreateProductCommand_WhenSentWithoutAUser_IsRefusedByTheApplicationLayer()
    {
        // Defence in depth: even a resolver that forgot its policy cannot run the use case for a stranger.
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();

        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() =>
            sender.Send(new CreateProductCommand("TEA-901", "Tea", "", 100, 1, 1)).AsTask());

        Assert.False(denied.IsAuthenticated);
        Assert.Equal(15, await ProductCountAsync());
    }

    [Theory]
    [InlineData(null, "catalog_manager")]
    [InlineData("catalog:write", null)]
    public async Task CreateProduct_WhenCallerHasCatalogWrite_CreatesTheProduct(string? scopes, string? roles)
    {
        var response = await fixture.Client().As("staff-2", scopes, roles).PostAsync(Create, NewProduct(sku: "tea-900"));

        var payload = response.EnsureNoErrors().Data!["createProduct"]!;
        Assert.Empty(payload["errors"]!.AsArray());
        Assert.Equal("TEA-900", payload["product"]!["sku"]!.GetValue<string>());
        Assert.Equal(45_000, payload["product"]!["price"]!["amountInPaise"]!.GetValue<long>());
        Assert.Equal("tea", payload["product"]!["category"]!["slug"]!.GetValue<string>());
        Assert.Equal(16, await ProductCountAsync());
    }

    [Fact]
    public async Task CreateProduct_WhenInputInvalid_ReturnsEveryPayloadErrorAndWritesNothing()
    {
        var response = await fixture.Client().AsCatalogManager().PostAsync(Create, new
        {
            input = new { sku = "x", name = " ", pricePaise = 0, stock = -3, categoryId = GlobalId.Encode("Category", 1) },
        });

        Snapshot.Match(response.Pretty());
        Assert.Equal(15, await ProductCountAsync());
    }

    [Fact]
    public async Task CreateProduct_WhenSkuExists_ReturnsDuplicateSku()
    {
        var response = await fixture.Client().AsCatalogManager().PostAsync(Create, NewProduct(sku: "tea-001"));

        var error = response.EnsureNoErrors().Data!["createProduct"]!["errors"]!.AsArray().Single()!;
        Assert.Equal("product.duplicate_sku", error["code"]!.GetValue<string>());
        Assert.Equal("sku", error["field"]!.GetValue<string>());
        Assert.Null(response.Data!["createProduct"]!["product"]);
    }

    [Fact]
    public async Task CreateProduct_WhenSameSkuSentConcurrently_CreatesExactlyOne()
    {
        var attempts = Enumerable.Range(0, 6)
            .Select(_ => fixture.Client().AsCatalogManager().PostAsync(Create, NewProduct(sku: "RACE-1")));

        var responses = await Task.WhenAll(attempts);

        Assert.All(responses, r => r.EnsureNoErrors());
        Assert.Single(responses, r => r.Data!["createProduct"]!["product"] is not null);
        Assert.All(responses.Where(r => r.Data!["createProduct"]!["product"] is null), r =>
            Assert.Equal("product.duplicate_sku", r.Data!["createProduct"]!["errors"]![0]!["code"]!.GetValue<string>()));
        Assert.Equal(16, await ProductCountAsync());
    }

    [Theory]
    [InlineData("garbage", "node.invalid_id")]
    [InlineData("Q2F0ZWdvcnk6OTk=", "category.not_found")]
    public async Task CreateProduct_WhenCategoryIdBad_ReturnsPayloadError(string categoryId, string code)
    {
        var response = await fixture.Client().AsCatalogManager().PostAsync(Create, NewProduct(categoryId: categoryId));

        var error = response.EnsureNoErrors().Data!["createProduct"]!["errors"]!.AsArray().Single()!;
        Assert.Equal(code, error["code"]!.GetValue<string>());
        Assert.Equal("categoryId", error["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateProduct_WhenValid_ChangesOnlyGivenFields()
    {
        var response = await fixture.Client().AsCatalogManager().PostAsync("""
            mutation($input: UpdateProductInput!) {
              updateProduct(input: $input) { product { sku name description price { amountInPaise } category { slug } isActive } errors { code } }
            }
            """, new { input = new { id = GlobalId.Encode("Product", 1), pricePaise = 99_950, categoryId = GlobalId.Encode("Category", 2) } });

        var product = response.EnsureNoErrors().Data!["updateProduct"]!["product"]!;
        Assert.Equal("Tea item 1", product["name"]!.GetValue<string>());
        Assert.Equal(99_950, product["price"]!["amountInPaise"]!.GetValue<long>());
        Assert.Equal("spices", product["category"]!["slug"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(-1, "product.stock_negative", "stock")]
    public async Task SetProductStock_WhenNegative_ReturnsPayloadErrorAndKeepsStock(int stock, string code, string field)
    {
        var response = await fixture.Client().AsCatalogManager().PostAsync("""
            mutation($input: SetProductStockInput!) { setProductStock(input: $input) { product { stock } errors { code field } } }
            """, new { input = new { id = GlobalId.Encode("Product", 3), stock } });

        var error = response.EnsureNoErrors().Data!["setProductStock"]!["errors"]![0]!;
        Assert.Equal(code, error["code"]!.GetValue<string>());
        Assert.Equal(field, error["field"]!.GetValue<string>());
        await using var db = fixture.Database.CreateDbContext();
        Assert.Equal(8, (await db.Products.SingleAsync(p => p.Id == 3)).Stock);
    }

    [Fact]
    public async Task SetProductStock_WhenValid_SetsStock()
    {
        var response = await fixture.Client().AsCatalogManager().PostAsync("""
            mutation($input: SetProductStockInput!) { setProductStock(input: $input) { product { stock isInStock } errors { code } } }
            """, new { input = new { id = GlobalId.Encode("Product", 3), stock = 0 } });

        var product = response.EnsureNoErrors().Data!["setProductStock"]!["product"]!;
        Assert.Equal(0, product["stock"]!.GetValue<int>());
        Assert.False(product["isInStock"]!.GetValue<bool>());
    }

    [Fact]
    public async Task SetProductStock_WhenProductUnknown_ReturnsNotFound()
    {
        var response = await fixture.Client().AsCatalogManager().PostAsync("""
            mutation { setProductStock(input: { id: "UHJvZHVjdDo5OTk=", stock: 4 }) { product { stock } errors { code field } } }
            """);

        var error = response.EnsureNoErrors().Data!["setProductStock"]!["errors"]![0]!;
        Assert.Equal("product.not_found", error["code"]!.GetValue<string>());
        Assert.Equal("id", error["field"]!.GetValue<string>());
    }

    private static object Keyed(string key, string sku = "TEA-777", long pricePaise = 45_000) => new
    {
        input = new
        {
            sku, name = "Majuli Green Tea", description = "Small garden.", pricePaise, stock = 3,
            categoryId = GlobalId.Encode("Category", 1), idempotencyKey = key,
        },
    };

    [Fact]
    public async Task CreateProduct_WhenRetriedWithTheSameKey_AnswersAsTheFirstTimeAndCreatesOnce()
    {
        var client = fixture.Client().AsCatalogManager();

        var first = await client.PostAsync(Create, Keyed("retry-1"));
        var retry = await client.PostAsync(Create, Keyed("retry-1"));

        Assert.Empty(first.EnsureNoErrors().Data!["createProduct"]!["errors"]!.AsArray());
        Assert.Equal(first.Data!.ToJsonString(), retry.EnsureNoErrors().Data!.ToJsonString());
        Assert.Equal(16, await ProductCountAsync());
    }

    [Fact]
    public async Task CreateProduct_WhenKeyReusedForAnotherRequest_IsRefused()
    {
        var client = fixture.Client().AsCatalogManager();
        await client.PostAsync(Create, Keyed("reuse-1"));

        var other = await client.PostAsync(Create, Keyed("reuse-1", sku: "TEA-778"));

        var error = other.EnsureNoErrors().Data!["createProduct"]!["errors"]![0]!;
        Assert.Equal("idempotency.key_reused", error["code"]!.GetValue<string>());
        Assert.Equal("idempotencyKey", error["field"]!.GetValue<string>());
        Assert.Equal(16, await ProductCountAsync());
    }

    [Fact]
    public async Task CreateProduct_WhenSameKeySentConcurrently_CreatesOnceAndAllSucceedAlike()
    {
        var attempts = Enumerable.Range(0, 5).Select(_ => fixture.Client().AsCatalogManager().PostAsync(Create, Keyed("race-key")));

        var responses = await Task.WhenAll(attempts);

        var bodies = responses.Select(r => r.EnsureNoErrors().Data!.ToJsonString()).Distinct().ToList();
        Assert.Single(bodies);
        Assert.Contains("\"sku\":\"TEA-777\"", bodies[0], StringComparison.Ordinal);
        Assert.Equal(16, await ProductCountAsync());
    }

    [Fact]
    public async Task CreateProduct_WhenKeyTooLong_ReturnsPayloadError()
    {
        var response = await fixture.Client().AsCatalogManager().PostAsync(Create, Keyed(new string('k', 101)));

        Assert.Equal("idempotency.key_invalid", response.EnsureNoErrors().Data!["createProduct"]!["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal(15, await ProductCountAsync());
    }
}
