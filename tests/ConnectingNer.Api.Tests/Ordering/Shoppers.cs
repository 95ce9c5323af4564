using System.Text.Json.Nodes;
using ConnectingNer.Domain.Customers;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.Api.Tests.Ordering;

/// <summary>Customers who shop in the ordering tests: an account, an address in Assam, and the order scopes.</summary>
public sealed class Shoppers(ApiFixture fixture)
{
    public const string Scopes = "orders:read orders:write";

    public const string OrderFields = """
        id number status paymentMethod placedAt purchaseOrderNumber total { amountInPaise }
        taxBreakdown { placeOfSupply intraState taxableValue { amountInPaise } cgst { amountInPaise } sgst { amountInPaise } igst { amountInPaise } }
        invoice { number date sellerGstin buyerGstin lines { hsnCode taxableValue { amountInPaise } } }
        lines { sku name quantity gstRatePercent hsnCode unitPrice { amountInPaise } lineTotal { amountInPaise } product { sku } }
        shippingAddress { recipientName city state postalCode phone }
        history { from to actor note }
        """;

    public const string Place = $$"""
        mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { {{OrderFields}} } errors { code field } } }
        """;

    /// <summary>A customer (no password: nothing to hash) with one address; returns the id and the address's global id.</summary>
    public async Task<(Guid Id, string AddressId)> CreateAsync(string email, string state = "Assam", string pin = "781024", string country = "IN")
    {
        var id = await fixture.CreateAccountAsync(email, null);
        var address = await AddAddressAsync(id, state, pin, country);
        return (id, address);
    }

    public async Task<string> AddAddressAsync(Guid customerId, string state, string pin, string country = "IN")
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ConnectingNer.Application.Customers.ICustomerStore>();
        var customer = (await store.FindAsync(customerId, CancellationToken.None))!;
        var address = Address.Create(Guid.NewGuid(), AddressKind.Shipping, "Tara Kalita", "12 Zoo Narengi Road", null, "Guwahati", state, pin, country,
            "+919864012345", customer.Addresses.Count == 0).Value;
        Assert.True(customer.AddAddress(address).IsSuccess);
        await store.UpdateAsync(customer, CancellationToken.None);
        return ConnectingNer.GraphQL.Server.Relay.GlobalId.Encode("Address", address.Id.ToString());
    }

    public GraphQLClient As(Guid id) => fixture.Client().As(id.ToString(), Scopes);

    /// <summary>A cart with the given products (one unit each unless said), placed as an order; returns the payload.</summary>
    public async Task<JsonNode> OrderAsync(Guid customer, string addressId, string payment = "PREPAID", string? key = null, params (int Product, int Quantity)[] lines)
    {
        var client = As(customer);
        var cart = await CartTests.CreateCartAsync(fixture.Client());
        foreach (var (product, quantity) in lines) await CartTests.AddAsync(fixture.Client(), cart, product, quantity);
        var response = await client.PostAsync(Place, new
        {
            input = new { cartId = cart, shippingAddressId = addressId, paymentMethod = payment, idempotencyKey = key ?? Guid.NewGuid().ToString() },
        });
        return response.EnsureNoErrors().Data!["placeOrder"]!;
    }
}
