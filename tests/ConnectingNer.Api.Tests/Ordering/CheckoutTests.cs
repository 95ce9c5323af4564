using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ConnectingNer.Application.Ordering;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Api.Tests.Ordering;

/// <summary>Checkout over HTTP on PostgreSQL: snapshots, GST, exactly once, no oversell, gapless numbers, nothing left behind on refusal.</summary>
[Collection(ApiCollection.Name)]
public sealed class CheckoutTests(ApiFixture fixture) : IAsyncLifetime
{
    private readonly Shoppers _shoppers = new(fixture);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static string[] Codes(JsonNode payload) => [.. payload["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>())];

    private async Task<int> StockAsync(int product)
    {
        await using var db = fixture.Database.CreateDbContext();
        return await db.Products.Where(p => p.Id == product).Select(p => p.Stock).SingleAsync();
    }

    [Fact]
    public async Task AnOrder_SnapshotsPricesTaxAndAddress_TakesStock_AndEmptiesTheCart()
    {
        var (tara, address) = await _shoppers.CreateAsync("tara@example.in");
        var cart = await CartTests.CreateCartAsync(_shoppers.As(tara));
        await CartTests.AddAsync(_shoppers.As(tara), cart, 3, 2);   // TEA-003 ₹103.00, 8 in stock, tea 5 %

        var payload = (await _shoppers.As(tara).PostAsync(Shoppers.Place, new
        {
            input = new { cartId = cart, shippingAddressId = address, paymentMethod = "PREPAID", idempotencyKey = "k1" },
        })).EnsureNoErrors().Data!["placeOrder"]!;

        Assert.Empty(Codes(payload));
        var order = payload["order"]!;
        // Numbered by the database at commit, in the format the domain defines.
        Assert.Equal(ConnectingNer.Domain.Ordering.OrderNumbers.Order(ConnectingNer.Domain.Ordering.OrderNumbers.FinancialYear(DateTimeOffset.UtcNow), 1),
            order["number"]!.GetValue<string>());
        Assert.Equal("PENDING_PAYMENT", order["status"]!.GetValue<string>());
        Assert.Equal(20_600, order["total"]!["amountInPaise"]!.GetValue<long>());
        var tax = order["taxBreakdown"]!;
        Assert.Equal("Assam", tax["placeOfSupply"]!.GetValue<string>());
        Assert.True(tax["intraState"]!.GetValue<bool>());
        Assert.Equal(19_619, tax["taxableValue"]!["amountInPaise"]!.GetValue<long>());
        Assert.Equal((490L, 491L, 0L), (tax["cgst"]!["amountInPaise"]!.GetValue<long>(), tax["sgst"]!["amountInPaise"]!.GetValue<long>(), tax["igst"]!["amountInPaise"]!.GetValue<long>()));
        var line = order["lines"]![0]!;
        Assert.Equal(("TEA-003", 2, 5m, "0902"), (line["sku"]!.GetValue<string>(), line["quantity"]!.GetValue<int>(), line["gstRatePercent"]!.GetValue<decimal>(), line["hsnCode"]!.GetValue<string>()));
        Assert.Equal("Tara Kalita", order["shippingAddress"]!["recipientName"]!.GetValue<string>());
        Assert.Null(order["invoice"]);  // prepaid: the invoice comes with the payment
        Assert.Equal("PENDING_PAYMENT", Assert.Single(order["history"]!.AsArray())!["to"]!.GetValue<string>());
        Assert.Equal(6, await StockAsync(3));
        var after = (await _shoppers.As(tara).PostAsync("query($id: ID!) { cart(id: $id) { totalQuantity } }", new { id = cart })).EnsureNoErrors();
        Assert.Equal(0, after.Data!["cart"]!["totalQuantity"]!.GetValue<int>());

        // A price change later does not touch the order: it keeps what was sold.
        await using (var db = fixture.Database.CreateDbContext())
        {
            await db.Products.Where(p => p.Id == 3).ExecuteUpdateAsync(s => s.SetProperty(p => p.PricePaise, 99_900).SetProperty(p => p.Name, "Renamed"));
            // The address is stored sealed: no name or street in clear.
            var row = await db.Orders.AsNoTracking().SingleAsync();
            Assert.False(System.Text.Encoding.UTF8.GetString(row.ShippingAddress).Contains("Kalita", StringComparison.Ordinal));
        }

        var reread = (await _shoppers.As(tara).PostAsync($"{{ myOrders(first: 1) {{ nodes {{ {Shoppers.OrderFields} }} }} }}")).EnsureNoErrors();
        var kept = reread.Data!["myOrders"]!["nodes"]![0]!["lines"]![0]!;
        Assert.Equal((10_300L, "Tea item 3"), (kept["unitPrice"]!["amountInPaise"]!.GetValue<long>(), kept["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task CashOnDelivery_IsConfirmedAtOnce_WithAGstInvoice_AndAnotherStatePaysIgst()
    {
        var (tara, _) = await _shoppers.CreateAsync("tara@example.in");
        var shillong = await _shoppers.AddAddressAsync(tara, "Meghalaya", "793001");

        var order = (await _shoppers.OrderAsync(tara, shillong, "CASH_ON_DELIVERY", null, (3, 1), (12, 1)))["order"]!;

        Assert.Equal("CONFIRMED", order["status"]!.GetValue<string>());
        var tax = order["taxBreakdown"]!;
        Assert.False(tax["intraState"]!.GetValue<bool>());
        Assert.Equal(0, tax["cgst"]!["amountInPaise"]!.GetValue<long>());
        Assert.True(tax["igst"]!["amountInPaise"]!.GetValue<long>() > 0);
        var invoice = order["invoice"]!;
        Assert.Equal(ConnectingNer.Domain.Ordering.OrderNumbers.Invoice(ConnectingNer.Domain.Ordering.OrderNumbers.FinancialYear(DateTimeOffset.UtcNow), 1),
            invoice["number"]!.GetValue<string>());
        Assert.Equal("18AAHCC4321K1ZN", invoice["sellerGstin"]!.GetValue<string>());
        Assert.Equal(["0902", "6214"], invoice["lines"]!.AsArray().Select(l => l!["hsnCode"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("Assam", "110001", "IN", "PREPAID", "order.pin_state_mismatch")]
    [InlineData("Atlantis", "781001", "IN", "PREPAID", "order.state_unknown")]
    [InlineData("Bagmati", "44600", "NP", "CASH_ON_DELIVERY", "order.cod_outside_india")]
    public async Task AnAddressThatCannotBeServed_IsRefused_AndNothingIsWritten(string state, string pin, string country, string payment, string code)
    {
        var (tara, _) = await _shoppers.CreateAsync("tara@example.in");
        var bad = await _shoppers.AddAddressAsync(tara, state, pin, country);

        var payload = await _shoppers.OrderAsync(tara, bad, payment, null, (3, 1));

        Assert.Equal([code], Codes(payload));
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task SomeoneElsesAddressOrCart_IsRefused_AndNothingIsWritten()
    {
        var (tara, _) = await _shoppers.CreateAsync("tara@example.in");
        var (_, ravisAddress) = await _shoppers.CreateAsync("ravi@example.in");
        Assert.Equal(["order.address_not_found"], Codes(await _shoppers.OrderAsync(tara, ravisAddress, "PREPAID", null, (3, 1))));

        var (ravi, ravisOwn) = await _shoppers.CreateAsync("ravi2@example.in");
        var ravisCart = await CartTests.CreateCartAsync(_shoppers.As(ravi));
        await CartTests.AddAsync(_shoppers.As(ravi), ravisCart, 3, 1);
        var taking = (await _shoppers.As(tara).PostAsync(Shoppers.Place, new
        {
            input = new { cartId = ravisCart, shippingAddressId = ravisOwn, paymentMethod = "PREPAID", idempotencyKey = "x" },
        })).Data!["placeOrder"]!;
        Assert.Equal(["cart.not_found"], Codes(taking));

        var withoutScope = await fixture.Client().As(tara.ToString()).PostAsync(Shoppers.Place, new
        {
            input = new { cartId = ravisCart, shippingAddressId = ravisOwn, paymentMethod = "PREPAID", idempotencyKey = "y" },
        });
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], withoutScope.ErrorCodes);
        await AssertNothingWrittenAsync();
    }

    private async Task AssertNothingWrittenAsync()
    {
        await using var db = fixture.Database.CreateDbContext();
        Assert.Equal(0, await db.Orders.CountAsync());
        Assert.Equal(8, await StockAsync(3));
        Assert.Equal(0, await db.Set<ConnectingNer.Infrastructure.Ordering.OrderNumberCounter>().CountAsync());
    }

    [Fact]
    public async Task TheSameKey_PlacesOneOrder_AndAnswersAsTheFirstTime_ButRefusesOtherInput()
    {
        var (tara, address) = await _shoppers.CreateAsync("tara@example.in");
        var cart = await CartTests.CreateCartAsync(fixture.Client());
        await CartTests.AddAsync(fixture.Client(), cart, 3, 1);
        object Input(string payment) => new { input = new { cartId = cart, shippingAddressId = address, paymentMethod = payment, idempotencyKey = "same" } };

        var first = (await _shoppers.As(tara).PostAsync(Shoppers.Place, Input("PREPAID"))).EnsureNoErrors().Data!["placeOrder"]!;
        var again = (await _shoppers.As(tara).PostAsync(Shoppers.Place, Input("PREPAID"))).EnsureNoErrors().Data!["placeOrder"]!;
        var other = (await _shoppers.As(tara).PostAsync(Shoppers.Place, Input("CASH_ON_DELIVERY"))).EnsureNoErrors().Data!["placeOrder"]!;

        Assert.Equal(first["order"]!["id"]!.GetValue<string>(), again["order"]!["id"]!.GetValue<string>());
        Assert.Equal(["idempotency.key_reused"], Codes(other));
        await using var db = fixture.Database.CreateDbContext();
        Assert.Equal(1, await db.Orders.CountAsync());
        Assert.Equal(7, await StockAsync(3));
    }

    [Fact]
    public async Task ConcurrentCallsWithOneKey_CreateOneOrder()
    {
        var (tara, address) = await _shoppers.CreateAsync("tara@example.in");
        var cart = await CartTests.CreateCartAsync(fixture.Client());
        await CartTests.AddAsync(fixture.Client(), cart, 3, 1);
        var input = new { input = new { cartId = cart, shippingAddressId = address, paymentMethod = "PREPAID", idempotencyKey = "race" } };

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => _shoppers.As(tara).PostAsync(Shoppers.Place, input)));

        var ids = answers.Select(a => a.EnsureNoErrors().Data!["placeOrder"]!["order"]?["id"]?.GetValue<string>()).ToList();
        Assert.All(ids, id => Assert.Equal(ids[0], id));
        Assert.NotNull(ids[0]);
        await using var db = fixture.Database.CreateDbContext();
        Assert.Equal(1, await db.Orders.CountAsync());
        Assert.Equal(7, await StockAsync(3));
    }

    [Fact]
    public async Task TwoHundredBuyersOfFiftyUnits_GiveFiftyOrders_StockZero_AndGaplessNumbers()
    {
        await using (var db = fixture.Database.CreateDbContext())
            await db.Products.Where(p => p.Id == 5).ExecuteUpdateAsync(s => s.SetProperty(p => p.Stock, 50));
        var buyers = new List<(Guid Id, string Address)>();
        for (var i = 0; i < 20; i++) buyers.Add(await _shoppers.CreateAsync($"buyer{i}@example.in"));
        var attempts = new List<(Guid Buyer, string Address, string Cart)>();
        for (var i = 0; i < 200; i++)
        {
            var cart = await CartTests.CreateCartAsync(fixture.Client());
            await CartTests.AddAsync(fixture.Client(), cart, 5, 1);
            attempts.Add((buyers[i % 20].Id, buyers[i % 20].Address, cart));
        }

        var outcomes = await PlaceAllAtOnceAsync(attempts);

        Assert.Equal(50, outcomes.Count(o => o == "ok"));
        Assert.Equal(150, outcomes.Count(o => o == "cart.insufficient_stock"));
        Assert.Equal(0, await StockAsync(5));
        await using var check = fixture.Database.CreateDbContext();
        var numbers = await check.Orders.Select(o => o.Number).ToListAsync();
        Assert.Equal(50, numbers.Count);
        Assert.Equal(Enumerable.Range(1, 50), numbers.Select(n => int.Parse(n[^6..], System.Globalization.CultureInfo.InvariantCulture)).Order());
    }

    [Fact]
    public async Task ShortOfOneProductInTheCart_RefusesTheOrder_AndTakesNothing()
    {
        var (tara, address) = await _shoppers.CreateAsync("tara@example.in");
        var cart = await CartTests.CreateCartAsync(fixture.Client());
        await CartTests.AddAsync(fixture.Client(), cart, 3, 2);
        await CartTests.AddAsync(fixture.Client(), cart, 5, 4);
        // Someone else bought product 5 down to 3 units after the cart was filled (carts reserve nothing).
        await using (var db = fixture.Database.CreateDbContext())
            await db.Products.Where(p => p.Id == 5).ExecuteUpdateAsync(s => s.SetProperty(p => p.Stock, 3));
        var before = await StockAsync(3);

        var payload = (await _shoppers.As(tara).PostAsync(Shoppers.Place, new
        {
            input = new { cartId = cart, shippingAddressId = address, paymentMethod = "PREPAID", idempotencyKey = "short" },
        })).EnsureNoErrors().Data!["placeOrder"]!;

        Assert.Equal(["cart.insufficient_stock"], Codes(payload));
        Assert.Equal(before, await StockAsync(3));
        Assert.Equal(3, await StockAsync(5));
        await using var check = fixture.Database.CreateDbContext();
        Assert.Equal(0, await check.Orders.CountAsync());
    }

    [Fact]
    public async Task ConcurrentOrdersOfTheSameProducts_NeitherDeadlockNorOversell()
    {
        await using (var db = fixture.Database.CreateDbContext())
            await db.Products.Where(p => p.Id == 3 || p.Id == 5 || p.Id == 7).ExecuteUpdateAsync(s => s.SetProperty(p => p.Stock, 30));
        var buyers = new List<(Guid Id, string Address)>();
        for (var i = 0; i < 8; i++) buyers.Add(await _shoppers.CreateAsync($"buyer{i}@example.in"));
        var attempts = new List<(Guid Buyer, string Address, string Cart)>();
        for (var i = 0; i < 40; i++)
        {
            // The same three products, added in different orders.
            var cart = await CartTests.CreateCartAsync(fixture.Client());
            int[] products = (i % 3) switch { 0 => [3, 5, 7], 1 => [7, 5, 3], _ => [5, 7, 3] };
            foreach (var product in products)
                await CartTests.AddAsync(fixture.Client(), cart, product, 1);
            attempts.Add((buyers[i % 8].Id, buyers[i % 8].Address, cart));
        }

        var outcomes = await PlaceAllAtOnceAsync(attempts);

        Assert.Equal(30, outcomes.Count(o => o == "ok"));
        Assert.Equal(10, outcomes.Count(o => o == "cart.insufficient_stock"));
        int[] left = [await StockAsync(3), await StockAsync(5), await StockAsync(7)];
        Assert.Equal([0, 0, 0], left);
    }

    /// <summary>Places every cart at once (each buyer with the cart as idempotency key): "ok" or the refusal's code for each.</summary>
    private async Task<IReadOnlyCollection<string>> PlaceAllAtOnceAsync(IEnumerable<(Guid Buyer, string Address, string Cart)> attempts)
    {
        var outcomes = new ConcurrentBag<string>();
        await Task.WhenAll(attempts.Select(async a =>
        {
            var payload = (await _shoppers.As(a.Buyer).PostAsync(Shoppers.Place, new
            {
                input = new { cartId = a.Cart, shippingAddressId = a.Address, paymentMethod = "PREPAID", idempotencyKey = a.Cart },
            })).EnsureNoErrors().Data!["placeOrder"]!;
            outcomes.Add(payload["order"] is JsonObject ? "ok" : Codes(payload).Single());
        }));
        return outcomes;
    }
}
