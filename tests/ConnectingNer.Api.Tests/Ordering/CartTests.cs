using System.Text.Json.Nodes;
using ConnectingNer.Application.Ordering;
using ConnectingNer.GraphQL.Server.Relay;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.Api.Tests.Ordering;

/// <summary>Carts over GraphQL: anyone may have one, its id is its key, a customer's cart is theirs alone and follows them.</summary>
[Collection(ApiCollection.Name)]
public sealed class CartTests(ApiFixture fixture) : IAsyncLifetime
{
    public const string CartFields = "id isOwned totalQuantity total { amountInPaise formatted } lines { product { sku } quantity unitPrice { amountInPaise } lineTotal { amountInPaise } isAvailable }";

    private const string Create = $"mutation {{ createCart {{ cart {{ {CartFields} }} errors {{ code field }} }} }}";

    private const string Add = $"mutation($input: AddCartLineInput!) {{ addCartLine(input: $input) {{ cart {{ {CartFields} }} errors {{ code field }} }} }}";

    private const string Update = $"mutation($input: UpdateCartLineInput!) {{ updateCartLine(input: $input) {{ cart {{ {CartFields} }} errors {{ code field }} }} }}";

    private const string Remove = $"mutation($input: RemoveCartLineInput!) {{ removeCartLine(input: $input) {{ cart {{ {CartFields} }} errors {{ code field }} }} }}";

    private const string Merge = $"mutation($input: MergeCartInput!) {{ mergeCart(input: $input) {{ cart {{ {CartFields} }} errors {{ code field }} }} }}";

    private const string Read = $"query($id: ID!) {{ cart(id: $id) {{ {CartFields} }} }}";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public static string ProductId(int id) => GlobalId.Encode("Product", id);

    public static async Task<string> CreateCartAsync(GraphQLClient client) =>
        (await client.PostAsync(Create)).EnsureNoErrors().Data!["createCart"]!["cart"]!["id"]!.GetValue<string>();

    public static async Task<JsonNode> AddAsync(GraphQLClient client, string cart, int product, int quantity) =>
        (await client.PostAsync(Add, new { input = new { cartId = cart, productId = ProductId(product), quantity } })).EnsureNoErrors().Data!["addCartLine"]!;

    private static string[] Codes(JsonNode payload) => [.. payload["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>())];

    [Fact]
    public async Task AnAnonymousVisitor_FillsACart_AndReadsItPricedAsOfNow()
    {
        var anonymous = fixture.Client();
        var cart = await CreateCartAsync(anonymous);
        // Product 3 (TEA-003) costs ₹103.00 and has 8 in stock; product 5 ₹105.00 with 16.
        await AddAsync(anonymous, cart, 3, 2);
        await AddAsync(anonymous, cart, 5, 1);
        var added = await AddAsync(anonymous, cart, 3, 1);

        Assert.Empty(added["errors"]!.AsArray());
        var read = (await anonymous.PostAsync(Read, new { id = cart })).EnsureNoErrors().Data!["cart"]!;
        Assert.False(read["isOwned"]!.GetValue<bool>());
        Assert.Equal(4, read["totalQuantity"]!.GetValue<int>());
        Assert.Equal(3 * 10_300 + 10_500, read["total"]!["amountInPaise"]!.GetValue<long>());
        Assert.Equal(["TEA-003", "TEA-005"], read["lines"]!.AsArray().Select(l => l!["product"]!["sku"]!.GetValue<string>()));
        Assert.Equal(30_900, read["lines"]![0]!["lineTotal"]!["amountInPaise"]!.GetValue<long>());

        // A price change shows at once: carts hold no prices.
        await using (var db = fixture.Database.CreateDbContext())
            await db.Products.Where(p => p.Id == 3).ExecuteUpdateAsync(s => s.SetProperty(p => p.PricePaise, 20_000));
        var repriced = (await anonymous.PostAsync(Read, new { id = cart })).EnsureNoErrors().Data!["cart"]!;
        Assert.Equal(3 * 20_000 + 10_500, repriced["total"]!["amountInPaise"]!.GetValue<long>());
    }

    [Theory]
    [InlineData(3, 0, "cart.quantity_out_of_range")]
    [InlineData(3, 1000, "cart.quantity_out_of_range")]
    [InlineData(3, 9, "cart.insufficient_stock")]     // 8 in stock
    [InlineData(1, 1, "cart.insufficient_stock")]     // out of stock
    [InlineData(999, 1, "cart.product_unavailable")]  // no such product
    public async Task BadLines_AreRefusedWithACode_AndWriteNothing(int product, int quantity, string code)
    {
        var client = fixture.Client();
        var cart = await CreateCartAsync(client);

        var payload = (await client.PostAsync(Add, new { input = new { cartId = cart, productId = ProductId(product), quantity } }))
            .EnsureNoErrors().Data!["addCartLine"]!;

        Assert.Equal([code], Codes(payload));
        Assert.True(payload["cart"] is null);
        await using var db = fixture.Database.CreateDbContext();
        Assert.Equal(0, await db.CartLines.CountAsync());
    }

    [Fact]
    public async Task AWithdrawnProduct_CannotBeAdded_AndShowsUnavailableInACart()
    {
        var client = fixture.Client();
        var cart = await CreateCartAsync(client);
        await AddAsync(client, cart, 4, 1);
        await using (var db = fixture.Database.CreateDbContext())
            await db.Products.Where(p => p.Id == 4 || p.Id == 5).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsActive, false));

        Assert.Equal(["cart.product_unavailable"], Codes(await AddAsync(client, cart, 5, 1)));
        var read = (await client.PostAsync(Read, new { id = cart })).EnsureNoErrors().Data!["cart"]!;
        Assert.False(read["lines"]![0]!["isAvailable"]!.GetValue<bool>());
    }

    [Fact]
    public async Task LinesAreUpdated_AndRemoved()
    {
        var client = fixture.Client();
        var cart = await CreateCartAsync(client);
        await AddAsync(client, cart, 3, 1);

        var updated = (await client.PostAsync(Update, new { input = new { cartId = cart, productId = ProductId(3), quantity = 7 } })).Data!["updateCartLine"]!;
        Assert.Equal(7, updated["cart"]!["totalQuantity"]!.GetValue<int>());
        var missing = (await client.PostAsync(Update, new { input = new { cartId = cart, productId = ProductId(5), quantity = 1 } })).Data!["updateCartLine"]!;
        Assert.Equal(["cart.line_not_found"], Codes(missing));
        var removed = (await client.PostAsync(Remove, new { input = new { cartId = cart, productId = ProductId(3) } })).Data!["removeCartLine"]!;
        Assert.Equal(0, removed["cart"]!["totalQuantity"]!.GetValue<int>());
        var badId = (await client.PostAsync(Remove, new { input = new { cartId = "nonsense", productId = ProductId(3) } })).Data!["removeCartLine"]!;
        Assert.Equal(["node.invalid_id"], Codes(badId));
    }

    [Fact]
    public async Task ACustomersCart_FollowsThemAcrossDevices_AndIsNobodyElses()
    {
        var tara = await fixture.CreateAccountAsync("tara@example.in", "tara-password-1");
        var other = await fixture.CreateAccountAsync("other@example.in", "other-password-1");
        var phone = await CreateCartAsync(fixture.Client().As(tara.ToString()));
        var laptop = await CreateCartAsync(fixture.Client().As(tara.ToString()));
        Assert.Equal(phone, laptop);
        await AddAsync(fixture.Client().As(tara.ToString()), phone, 3, 1);

        var mine = (await fixture.Client().As(tara.ToString()).PostAsync($"{{ myCart {{ {CartFields} }} }}")).EnsureNoErrors().Data!["myCart"]!;
        Assert.Equal(phone, mine["id"]!.GetValue<string>());
        Assert.True(mine["isOwned"]!.GetValue<bool>());

        // Someone else, or nobody, holding the id: the same answer as a wrong id.
        foreach (var stranger in new[] { fixture.Client().As(other.ToString()), fixture.Client() })
        {
            var read = await stranger.PostAsync(Read, new { id = phone });
            Assert.Equal(["NOT_FOUND"], read.ErrorCodes);
            var add = (await stranger.PostAsync(Add, new { input = new { cartId = phone, productId = ProductId(5), quantity = 1 } })).Data!["addCartLine"]!;
            Assert.Equal(["cart.not_found"], Codes(add));
        }
    }

    [Fact]
    public async Task SigningIn_MergesTheDeviceCart_IntoTheCustomersCart()
    {
        var tara = await fixture.CreateAccountAsync("tara@example.in", "tara-password-1");
        var device = await CreateCartAsync(fixture.Client());
        await AddAsync(fixture.Client(), device, 3, 2);
        await AddAsync(fixture.Client(), device, 5, 1);
        var signedIn = fixture.Client().As(tara.ToString());
        var own = await CreateCartAsync(signedIn);
        await AddAsync(signedIn, own, 3, 1);

        var merged = (await signedIn.PostAsync(Merge, new { input = new { cartId = device } })).EnsureNoErrors().Data!["mergeCart"]!["cart"]!;

        Assert.Equal(own, merged["id"]!.GetValue<string>());
        Assert.Equal([3, 1], merged["lines"]!.AsArray().Select(l => l!["quantity"]!.GetValue<int>()));
        Assert.Equal(["NOT_FOUND"], (await fixture.Client().PostAsync(Read, new { id = device })).ErrorCodes);
        var anonymousMerge = await fixture.Client().PostAsync(Merge, new { input = new { cartId = own } });
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], anonymousMerge.ErrorCodes);
    }

    [Fact]
    public async Task ACustomerWithoutACart_TakesTheDeviceCart()
    {
        var tara = await fixture.CreateAccountAsync("tara@example.in", "tara-password-1");
        var device = await CreateCartAsync(fixture.Client());
        await AddAsync(fixture.Client(), device, 3, 2);

        var merged = (await fixture.Client().As(tara.ToString()).PostAsync(Merge, new { input = new { cartId = device } }))
            .EnsureNoErrors().Data!["mergeCart"]!["cart"]!;

        Assert.Equal(device, merged["id"]!.GetValue<string>());
        Assert.True(merged["isOwned"]!.GetValue<bool>());
        Assert.Equal(["NOT_FOUND"], (await fixture.Client().PostAsync(Read, new { id = device })).ErrorCodes);
    }

    [Fact]
    public async Task CartsUntouchedFor30Days_AreDeletedByTheJob()
    {
        var old = await CreateCartAsync(fixture.Client());
        var fresh = await CreateCartAsync(fixture.Client());
        await AddAsync(fixture.Client(), old, 3, 1);
        GlobalId.TryDecodeGuid(old, "Cart", out var oldId);
        await using (var db = fixture.Database.CreateDbContext())
            await db.Carts.Where(c => c.Id == oldId).ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, DateTimeOffset.UtcNow.AddDays(-31)));

        var runs = await fixture.Factory.Services.GetRequiredService<ConnectingNer.Infrastructure.Retention.RetentionJob>().RunAsync(CancellationToken.None);

        Assert.Equal(1, runs.Single(r => r.Rule == "carts").Deleted);
        Assert.Equal(["NOT_FOUND"], (await fixture.Client().PostAsync(Read, new { id = old })).ErrorCodes);
        Assert.Empty((await fixture.Client().PostAsync(Read, new { id = fresh })).ErrorCodes);
    }
}
