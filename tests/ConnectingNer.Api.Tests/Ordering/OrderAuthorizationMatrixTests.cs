using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ConnectingNer.GraphQL.Server.Relay;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.Api.Tests.Ordering;

/// <summary>
/// Who sees what of an order's personal data, exhaustively: every principal × every way of reaching an order ×
/// every personal field. A principal that cannot reach the order gets nothing of it; one that can gets each field
/// in full, masked, or null with AUTH_NOT_AUTHORIZED at that field, as the grant table says.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OrderAuthorizationMatrixTests(ApiFixture fixture) : IAsyncLifetime
{
    private const string Name = "Meera Das";
    private const string Phone = "+919876543210";
    private static Guid _subject;
    private static string _orderId = "";
    private static Task? _setup;
    private static readonly Dictionary<string, Task<string>> Tokens = [];

    public Task InitializeAsync() => _setup ??= SetUpAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task SetUpAsync()
    {
        await fixture.ResetAsync();
        _subject = await fixture.CreateCustomerAsync("meera.das@example.in", Name, Phone);
        var address = (await fixture.Client().As(_subject.ToString()).PostAsync("{ me { addresses { id } } }")).Data!["me"]!["addresses"]![0]!["id"]!.GetValue<string>();
        var cart = await CartTests.CreateCartAsync(fixture.Client());
        await CartTests.AddAsync(fixture.Client(), cart, 3, 1);
        var placed = (await fixture.Client().As(_subject.ToString(), Shoppers.Scopes).PostAsync(Shoppers.Place, new
        {
            input = new { cartId = cart, shippingAddressId = address, billingAddressId = address, paymentMethod = "CASH_ON_DELIVERY", idempotencyKey = "m" },
        })).EnsureNoErrors();
        _orderId = placed.Data!["placeOrder"]!["order"]!["id"]!.GetValue<string>();
        (await fixture.Client().As("staff-support", roles: "support").PostAsync(
            "mutation($input: PackOrderInput!) { packOrder(input: $input) { errors { code } } }",
            new { input = new { orderId = _orderId, logisticsPartnerId = TestClients.LogisticsPartner } })).EnsureNoErrors();
    }

    public enum Access { Full, Masked, Denied }

    public static readonly Dictionary<string, (string? User, string? Roles, string? Scopes)> Principals = new()
    {
        ["subject"] = ("<subject>", null, "orders:read"),
        ["other-customer"] = (Guid.NewGuid().ToString(), null, "orders:read orders:write"),
        ["support"] = ("staff-support", "support", null),
        ["privacy-officer"] = ("staff-privacy", "privacy_officer", null),
        ["admin"] = ("staff-admin", "admin", null),
        ["catalog-manager"] = ("staff-catalog", "catalog_manager", null),
        // Real client-credentials tokens from the token endpoint.
        ["logistics"] = ("<token>", null, null),
        ["payments"] = ("<token>", null, null),
        ["anonymous"] = (null, null, null),
    };

    /// <summary>Each personal field below an order: its path, its category, and its clear and masked value.</summary>
    public static readonly (string Path, string Category, string Value, string Masked)[] Fields =
    [
        ("shippingAddress.recipientName", "address.postal", Name, Name),
        ("shippingAddress.line1", "address.postal", "12 Zoo Narengi Road", ""),
        ("shippingAddress.city", "address.postal", "Guwahati", ""),
        ("shippingAddress.state", "address.postal", "Assam", ""),
        ("shippingAddress.postalCode", "address.postal", "781024", ""),
        ("shippingAddress.countryCode", "address.postal", "IN", ""),
        ("shippingAddress.phone", "contact.phone", Phone, "******3210"),
        ("billingAddress.recipientName", "address.postal", Name, ""),
        ("billingAddress.phone", "contact.phone", Phone, "******3210"),
        ("customer.name", "identity.name", Name, ""),
        ("customer.phone", "contact.phone", Phone, "******3210"),
    ];

    private const string Selection = """
        shippingAddress { recipientName line1 city state postalCode countryCode phone } billingAddress { recipientName phone } customer { name phone }
        """;

    public static readonly string[] Paths = ["myOrders", "order", "node", "orders", "me.orders", "customer.orders"];

    private static bool Reaches(string principal, string path) => path switch
    {
        "myOrders" or "me.orders" => principal == "subject",
        "order" or "node" => principal is "subject" or "support" or "admin",
        "orders" => principal is "support" or "admin",
        "customer.orders" => principal == "support",
        _ => false,
    };

    private static Access Expected(string principal, string category) => principal switch
    {
        "subject" => Access.Full,
        "support" => category == "contact.phone" ? Access.Masked : Access.Full,
        _ => Access.Denied,
    };

    private static (string Query, string[] Path) Document(string path) => path switch
    {
        "myOrders" => ($"{{ myOrders {{ nodes {{ {Selection} }} }} }}", ["myOrders", "nodes", "0"]),
        "order" => ($$"""{ order(id: "{{_orderId}}") { {{Selection}} } }""", ["order"]),
        "node" => ($$"""{ node(id: "{{_orderId}}") { ... on Order { {{Selection}} } } }""", ["node"]),
        "orders" => ($"{{ orders(first: 5) {{ nodes {{ {Selection} }} }} }}", ["orders", "nodes", "0"]),
        "me.orders" => ($"{{ me {{ orders {{ nodes {{ {Selection} }} }} }} }}", ["me", "orders", "nodes", "0"]),
        "customer.orders" => ($$"""{ customer(id: "{{GlobalId.Encode("Customer", _subject.ToString())}}") { orders { nodes { {{Selection}} } } } }""",
            ["customer", "orders", "nodes", "0"]),
        _ => throw new ArgumentOutOfRangeException(nameof(path)),
    };

    public static IEnumerable<object[]> Cells() => from principal in Principals.Keys from path in Paths select new object[] { principal, path };

    private async Task<GraphQLClient> ClientAsync(string principal)
    {
        var (user, roles, scopes) = Principals[principal];
        var client = fixture.Client();
        if (user == "<token>")
        {
            Task<string> Token() => principal == "logistics"
                ? fixture.PartnerTokenAsync(TestClients.LogisticsId, TestClients.LogisticsSecret, "orders:fulfil")
                : fixture.PartnerTokenAsync(TestClients.PaymentsId, TestClients.PaymentsSecret, "payments:process");
            Task<string> token;
            lock (Tokens) token = Tokens.TryGetValue(principal, out var known) ? known : Tokens[principal] = Token();
            client.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await token);
        }
        else if (user is not null)
        {
            client.As(user == "<subject>" ? _subject.ToString() : user, scopes, roles);
        }

        return client;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task EachPrincipal_OnEachPath_SeesExactlyWhatItsGrantsAllow(string principal, string path)
    {
        var (query, objectPath) = Document(path);

        var response = await (await ClientAsync(principal)).PostAsync(query);

        JsonNode? order = response.Data;
        foreach (var segment in objectPath) order = order is JsonArray array ? (array.Count > int.Parse(segment) ? array[int.Parse(segment)] : null) : order?[segment];
        if (!Reaches(principal, path))
        {
            Assert.Null(order);
            Assert.DoesNotContain("Zoo Narengi", response.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("3210", response.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(Name, response.Text, StringComparison.Ordinal);
            return;
        }

        Assert.NotNull(order);
        foreach (var (field, category, value, masked) in Fields)
        {
            var segments = field.Split('.');
            JsonNode? actual = order;
            foreach (var s in segments) actual = actual?[s];
            switch (Expected(principal, category))
            {
                case Access.Full:
                    Assert.Equal(value, actual?.GetValue<string>());
                    break;
                case Access.Masked when masked.Length > 0:
                    Assert.Equal(masked, actual?.GetValue<string>());
                    break;
                case Access.Masked:
                    Assert.Equal(value, actual?.GetValue<string>());
                    break;
                default:
                    Assert.Null(actual);
                    var fullPath = objectPath.Concat(segments).ToArray();
                    Assert.Contains(response.Errors!, e => e!["extensions"]!["code"]!.GetValue<string>() == "AUTH_NOT_AUTHORIZED"
                        && IsPrefixOf(e["path"]!.AsArray().Select(p => p!.ToString()).ToArray(), fullPath));
                    break;
            }
        }
    }

    private static bool IsPrefixOf(string[] prefix, string[] path) => prefix.Length <= path.Length && prefix.SequenceEqual(path.Take(prefix.Length));

    [Theory]
    [MemberData(nameof(PrincipalNames))]
    public async Task OnlyTheAssignedLogisticsPartner_SeesTheRecipient_OfItsShipment(string principal)
    {
        var response = await (await ClientAsync(principal)).PostAsync(
            "{ shipmentsToFulfil { nodes { orderNumber recipient { recipientName line1 city state postalCode countryCode phone } } } }");

        if (principal != "logistics")
        {
            Assert.Null(response.Data?["shipmentsToFulfil"]);
            Assert.DoesNotContain("Zoo Narengi", response.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(Name, response.Text, StringComparison.Ordinal);
            return;
        }

        var recipient = response.EnsureNoErrors().Data!["shipmentsToFulfil"]!["nodes"]![0]!["recipient"]!;
        Assert.Equal((Name, "12 Zoo Narengi Road", Phone),
            (recipient["recipientName"]!.GetValue<string>(), recipient["line1"]!.GetValue<string>(), recipient["phone"]!.GetValue<string>()));
    }

    public static IEnumerable<object[]> PrincipalNames() => Principals.Keys.Select(p => new object[] { p });

    [Fact]
    public void TheMatrix_CoversEveryPersonalFieldOfOrderAddress()
    {
        var schema = fixture.Factory.Services.GetRequiredService<ConnectingNer.GraphQL.AppSchema>();
        schema.Initialize();
        var address = (global::GraphQL.Types.IComplexGraphType)schema.AllTypes["OrderAddress"]!;
        var covered = Fields.Where(f => f.Path.StartsWith("shippingAddress.", StringComparison.Ordinal)).Select(f => f.Path["shippingAddress.".Length..]);

        Assert.Equal(address.Fields.Select(f => f.Name).Where(n => n != "line2").Order(), covered.Order());
    }
}
