using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ConnectingNer.Application.Ordering;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Api.Tests.Ordering;

/// <summary>
/// An order's whole life over HTTP with real partner tokens: the payment partner pays it (and sees no personal
/// data), staff pack it, the logistics partner sees its own shipment's recipient (recorded as a disclosure for
/// `delivery`), ships and delivers it, and the customer returns it.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class FulfilmentTests(ApiFixture fixture) : IAsyncLifetime
{
    private readonly Shoppers _shoppers = new(fixture);
    private Guid _tara;
    private string _address = "";

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        (_tara, _address) = await _shoppers.CreateAsync("tara@example.in");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private const string Pay = """
        mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { payment { orderNumber amount { amountInPaise } status providerReference } errors { code field } } }
        """;

    private const string Pack = """
        mutation($input: PackOrderInput!) { packOrder(input: $input) { order { status } errors { code field } } }
        """;

    private const string ShipmentFields = "id orderNumber status trackingNumber cashToCollect { amountInPaise } items { sku quantity } recipient { recipientName line1 city postalCode phone }";

    private const string ToFulfil = $"{{ shipmentsToFulfil {{ nodes {{ {ShipmentFields} }} }} }}";

    private const string Update = $$"""
        mutation($input: UpdateShipmentInput!) { updateShipment(input: $input) { shipment { {{ShipmentFields}} } errors { code field } } }
        """;

    private async Task<GraphQLClient> PartnerAsync(string id, string secret, string scope)
    {
        var client = fixture.Client();
        client.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await fixture.PartnerTokenAsync(id, secret, scope));
        return client;
    }

    private Task<GraphQLClient> PaymentsAsync() => PartnerAsync(TestClients.PaymentsId, TestClients.PaymentsSecret, "payments:process");

    private Task<GraphQLClient> LogisticsAsync() => PartnerAsync(TestClients.LogisticsId, TestClients.LogisticsSecret, "orders:fulfil");

    private static GraphQLClient Support(GraphQLClient client) => client.As("staff-support", roles: "support");

    private static string[] Codes(JsonNode payload) => [.. payload["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>())];

    private async Task<(string Id, string Number, long Total)> PlacedAsync(string payment = "PREPAID")
    {
        var order = (await _shoppers.OrderAsync(_tara, _address, payment, null, (3, 2)))["order"]!;
        return (order["id"]!.GetValue<string>(), order["number"]!.GetValue<string>(), order["total"]!["amountInPaise"]!.GetValue<long>());
    }

    private async Task<JsonNode> PaidAsync(string number, long amount, string key) =>
        (await (await PaymentsAsync()).PostAsync(Pay, new { input = new { orderNumber = number, amountPaise = amount, providerReference = "pay_" + key, idempotencyKey = key } }))
        .EnsureNoErrors().Data!["recordPayment"]!;

    [Fact]
    public async Task APaymentPartner_PaysAnOrderOnce_ForItsExactTotal_AndSeesNoPersonalData()
    {
        var (id, number, total) = await PlacedAsync();

        Assert.Equal(["payment.amount_mismatch"], Codes(await PaidAsync(number, total - 1, "n0")));
        var paid = await PaidAsync(number, total, "n1");
        var retried = await PaidAsync(number, total, "n1");
        var twice = await PaidAsync(number, total, "n2");

        Assert.Equal("PAID", paid["payment"]!["status"]!.GetValue<string>());
        Assert.Equal(paid.ToJsonString(), retried.ToJsonString());
        Assert.Equal(["order.transition_invalid"], Codes(twice));
        Assert.Equal(["order.not_found"], Codes(await PaidAsync("CN/2026-27/999999", total, "n3")));
        // The order itself, with its address, stays out of the payment partner's reach.
        var payments = await PaymentsAsync();
        Assert.Equal(["NOT_FOUND"], (await payments.PostAsync($$"""{ order(id: "{{id}}") { number } }""")).ErrorCodes);
        var order = (await _shoppers.As(_tara).PostAsync($$"""{ order(id: "{{id}}") { status invoice { number date buyerGstin } history { to actor } } }"""))
            .EnsureNoErrors().Data!["order"]!;
        Assert.Equal("PAID", order["status"]!.GetValue<string>());
        Assert.Matches(@"^CNI/\d{4}/000001$", order["invoice"]!["number"]!.GetValue<string>());
        Assert.Equal("partner:payments-partner", order["history"]![1]!["actor"]!.GetValue<string>());
        var withoutScope = await fixture.Client().As(_tara.ToString(), Shoppers.Scopes)
            .PostAsync(Pay, new { input = new { orderNumber = number, amountPaise = total, providerReference = "x", idempotencyKey = "x" } });
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], withoutScope.ErrorCodes);
    }

    [Fact]
    public async Task TheLogisticsPartner_SeesOnlyItsOwnShipments_DeliversThem_AndItsSightIsRecorded()
    {
        var (id, number, total) = await PlacedAsync();
        var (_, otherNumber, _) = await PlacedAsync("CASH_ON_DELIVERY");
        await PaidAsync(number, total, "p1");
        var support = Support(fixture.Client());
        Assert.Equal(["shipment.partner_unknown"], Codes((await support.PostAsync(Pack, new { input = new { orderId = id, logisticsPartnerId = "payments-partner" } })).Data!["packOrder"]!));
        Assert.Equal("PACKED", (await support.PostAsync(Pack, new { input = new { orderId = id, logisticsPartnerId = TestClients.LogisticsPartner } }))
            .EnsureNoErrors().Data!["packOrder"]!["order"]!["status"]!.GetValue<string>());
        var others = await _shoppers.As(_tara).PostAsync("{ myOrders(first: 5) { nodes { id number } } }");
        var otherId = others.Data!["myOrders"]!["nodes"]!.AsArray().Single(n => n!["number"]!.GetValue<string>() == otherNumber)!["id"]!.GetValue<string>();
        await Support(fixture.Client()).PostAsync(Pack, new { input = new { orderId = otherId, logisticsPartnerId = TestClients.OtherLogisticsPartner } });

        var logistics = await LogisticsAsync();
        var mine = (await logistics.PostAsync(ToFulfil)).EnsureNoErrors().Data!["shipmentsToFulfil"]!["nodes"]!.AsArray();
        var shipment = Assert.Single(mine)!;
        Assert.Equal(number, shipment["orderNumber"]!.GetValue<string>());
        Assert.Equal(("Tara Kalita", "+919864012345"), (shipment["recipient"]!["recipientName"]!.GetValue<string>(), shipment["recipient"]!["phone"]!.GetValue<string>()));
        Assert.Equal(0, shipment["cashToCollect"]!["amountInPaise"]!.GetValue<long>());
        var other = (await (await PartnerAsync(TestClients.OtherLogisticsId, TestClients.OtherLogisticsSecret, "orders:fulfil")).PostAsync(ToFulfil))
            .EnsureNoErrors().Data!["shipmentsToFulfil"]!["nodes"]![0]!;
        Assert.Equal(otherNumber, other["orderNumber"]!.GetValue<string>());
        Assert.True(other["cashToCollect"]!["amountInPaise"]!.GetValue<long>() > 0);

        // The customer sees who saw their address, and why.
        var disclosures = (await fixture.Client().As(_tara.ToString()).PostAsync("{ myDataDisclosures { nodes { purpose clientId fields } } }"))
            .EnsureNoErrors().Data!["myDataDisclosures"]!["nodes"]!.AsArray();
        Assert.Contains(disclosures, d => d!["purpose"]!.GetValue<string>() == "delivery" && d["clientId"]!.GetValue<string>() == TestClients.LogisticsId);

        var shipmentId = shipment["id"]!.GetValue<string>();
        var someoneElses = (await logistics.PostAsync(Update, new { input = new { shipmentId = other["id"]!.GetValue<string>(), status = "SHIPPED" } })).Data!["updateShipment"]!;
        Assert.Equal(["shipment.not_found"], Codes(someoneElses));
        var early = (await logistics.PostAsync(Update, new { input = new { shipmentId, status = "DELIVERED" } })).Data!["updateShipment"]!;
        Assert.Equal(["shipment.transition_invalid"], Codes(early));
        var shipped = (await logistics.PostAsync(Update, new { input = new { shipmentId, status = "SHIPPED", trackingNumber = "AWB-12345" } }))
            .EnsureNoErrors().Data!["updateShipment"]!["shipment"]!;
        Assert.Equal(("SHIPPED", "AWB-12345"), (shipped["status"]!.GetValue<string>(), shipped["trackingNumber"]!.GetValue<string>()));
        await logistics.PostAsync(Update, new { input = new { shipmentId, status = "DELIVERED", note = "Left with the neighbour" } });
        Assert.Empty((await logistics.PostAsync(ToFulfil)).EnsureNoErrors().Data!["shipmentsToFulfil"]!["nodes"]!.AsArray());

        // Seven days after delivery the recipient is no longer shown to the courier.
        var read = $$"""{ shipment(id: "{{shipmentId}}") { status recipient { recipientName } } }""";
        Assert.Equal("Tara Kalita", (await logistics.PostAsync(read)).EnsureNoErrors().Data!["shipment"]!["recipient"]!["recipientName"]!.GetValue<string>());
        await using (var db = fixture.Database.CreateDbContext())
            await db.Shipments.ExecuteUpdateAsync(s => s.SetProperty(x => x.DeliveredAt, DateTimeOffset.UtcNow.AddDays(-8)));
        var later = (await logistics.PostAsync(read)).EnsureNoErrors().Data!["shipment"]!;
        Assert.Equal("DELIVERED", later["status"]!.GetValue<string>());
        Assert.Null(later["recipient"]);

        var history = (await _shoppers.As(_tara).PostAsync($$"""{ order(id: "{{id}}") { status history { to actor note } } }""")).EnsureNoErrors().Data!["order"]!;
        Assert.Equal("DELIVERED", history["status"]!.GetValue<string>());
        Assert.Equal(["PENDING_PAYMENT", "PAID", "PACKED", "SHIPPED", "DELIVERED"], history["history"]!.AsArray().Select(h => h!["to"]!.GetValue<string>()));
        Assert.Equal("staff", history["history"]![2]!["actor"]!.GetValue<string>());
        Assert.Equal("Left with the neighbour", history["history"]![4]!["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task ThePurposeAPartnerDeclares_BelongsToItsOneRequest_ThoughItsTokenIsReadOnce()
    {
        var (id, number, total) = await PlacedAsync();
        await PaidAsync(number, total, "p1");
        await Support(fixture.Client()).PostAsync(Pack, new { input = new { orderId = id, logisticsPartnerId = TestClients.LogisticsPartner } });
        var logistics = await LogisticsAsync(); // one token for every request below: validated once, its principal reused

        (await logistics.PostAsync(ToFulfil)).EnsureNoErrors();
        logistics.Http.DefaultRequestHeaders.Add("Purpose", "address_check");
        (await logistics.PostAsync(ToFulfil)).EnsureNoErrors();
        logistics.Http.DefaultRequestHeaders.Remove("Purpose");
        (await logistics.PostAsync(ToFulfil)).EnsureNoErrors();

        var purposes = (await fixture.Client().As(_tara.ToString()).PostAsync("{ myDataDisclosures { nodes { purpose clientId } } }"))
            .EnsureNoErrors().Data!["myDataDisclosures"]!["nodes"]!.AsArray()
            .Where(d => d!["clientId"]!.GetValue<string>() == TestClients.LogisticsId).Select(d => d!["purpose"]!.GetValue<string>());
        Assert.Equal(["delivery", "address_check", "delivery"], purposes.Reverse()); // newest first
    }

    [Fact]
    public async Task ACourierCorrection_IsDeliveredTo_AndOfferedToTheCustomer()
    {
        var (id, number, total) = await PlacedAsync();
        await PaidAsync(number, total, "p1");
        await Support(fixture.Client()).PostAsync(Pack, new { input = new { orderId = id, logisticsPartnerId = TestClients.LogisticsPartner } });
        var logistics = await LogisticsAsync();
        var shipmentId = (await logistics.PostAsync(ToFulfil)).Data!["shipmentsToFulfil"]!["nodes"]![0]!["id"]!.GetValue<string>();
        const string Report = $$"""
            mutation($input: ReportDeliveryAddressCorrectionInput!) { reportDeliveryAddressCorrection(input: $input) { shipment { {{ShipmentFields}} } errors { code field } } }
            """;
        object Correction(string pin) => new
        {
            input = new { shipmentId, address = new { recipientName = "Tara Kalita", line1 = "14 Zoo Narengi Road", city = "Guwahati", state = "Assam", postalCode = pin, phone = "+919864012345" } },
        };

        Assert.Equal(["order.pin_state_mismatch"], Codes((await logistics.PostAsync(Report, Correction("110001"))).Data!["reportDeliveryAddressCorrection"]!));
        var reported = (await logistics.PostAsync(Report, Correction("781024"))).EnsureNoErrors().Data!["reportDeliveryAddressCorrection"]!["shipment"]!;
        Assert.Equal("14 Zoo Narengi Road", reported["recipient"]!["line1"]!.GetValue<string>());

        var offer = (await _shoppers.As(_tara).PostAsync($$"""{ order(id: "{{id}}") { deliveryAddressCorrection { line1 } shippingAddress { line1 } } }"""))
            .EnsureNoErrors().Data!["order"]!;
        Assert.Equal("14 Zoo Narengi Road", offer["deliveryAddressCorrection"]!["line1"]!.GetValue<string>());
        Assert.Equal("12 Zoo Narengi Road", offer["shippingAddress"]!["line1"]!.GetValue<string>());
        const string Accept = "mutation($input: AcceptDeliveryAddressCorrectionInput!) { acceptDeliveryAddressCorrection(input: $input) { order { deliveryAddressCorrection { line1 } } errors { code } } }";
        var accepted = (await _shoppers.As(_tara).PostAsync(Accept, new { input = new { orderId = id } })).EnsureNoErrors().Data!["acceptDeliveryAddressCorrection"]!;
        Assert.Null(accepted["order"]!["deliveryAddressCorrection"]);
        var book = (await _shoppers.As(_tara).PostAsync("{ me { addresses { line1 } } }")).EnsureNoErrors().Data!["me"]!["addresses"]!.AsArray();
        Assert.Equal(["14 Zoo Narengi Road"], book.Select(a => a!["line1"]!.GetValue<string>()));
        Assert.Equal(["shipment.correction_not_found"], Codes((await _shoppers.As(_tara).PostAsync(Accept, new { input = new { orderId = id } })).Data!["acceptDeliveryAddressCorrection"]!));
    }

    [Fact]
    public async Task CancellingPutsStockBack_UntilPacked_AndAReturnPutsItBackWhenTheGoodsArrive()
    {
        var (id, _, _) = await PlacedAsync("CASH_ON_DELIVERY");
        var (second, _, _) = await PlacedAsync("CASH_ON_DELIVERY");
        const string Cancel = "mutation($input: CancelOrderInput!) { cancelOrder(input: $input) { order { status history { to actor note } } errors { code } } }";
        const string Return = "mutation($input: RequestReturnInput!) { requestReturn(input: $input) { order { status } errors { code } } }";
        const string Returned = "mutation($input: MarkOrderReturnedInput!) { markOrderReturned(input: $input) { order { status } errors { code } } }";
        async Task<int> StockAsync()
        {
            await using var db = fixture.Database.CreateDbContext();
            return await db.Products.Where(p => p.Id == 3).Select(p => p.Stock).SingleAsync();
        }

        Assert.Equal(4, await StockAsync());
        var stranger = await _shoppers.CreateAsync("ravi@example.in");
        Assert.Equal(["order.not_found"], Codes((await _shoppers.As(stranger.Id).PostAsync(Cancel, new { input = new { orderId = id } })).Data!["cancelOrder"]!));
        var cancelled = (await _shoppers.As(_tara).PostAsync(Cancel, new { input = new { orderId = id, note = "Ordered twice" } })).EnsureNoErrors().Data!["cancelOrder"]!["order"]!;
        Assert.Equal("CANCELLED", cancelled["status"]!.GetValue<string>());
        Assert.Equal(("customer", "Ordered twice"), (cancelled["history"]![1]!["actor"]!.GetValue<string>(), cancelled["history"]![1]!["note"]!.GetValue<string>()));
        Assert.Equal(6, await StockAsync());
        Assert.Equal(["order.transition_invalid"], Codes((await _shoppers.As(_tara).PostAsync(Return, new { input = new { orderId = second } })).Data!["requestReturn"]!));

        await Support(fixture.Client()).PostAsync(Pack, new { input = new { orderId = second, logisticsPartnerId = TestClients.LogisticsPartner } });
        Assert.Equal(["order.cancel_too_late"], Codes((await _shoppers.As(_tara).PostAsync(Cancel, new { input = new { orderId = second } })).Data!["cancelOrder"]!));
        var logistics = await LogisticsAsync();
        var shipmentId = (await logistics.PostAsync(ToFulfil)).Data!["shipmentsToFulfil"]!["nodes"]![0]!["id"]!.GetValue<string>();
        await logistics.PostAsync(Update, new { input = new { shipmentId, status = "SHIPPED" } });
        await logistics.PostAsync(Update, new { input = new { shipmentId, status = "DELIVERED" } });
        Assert.Equal("RETURN_REQUESTED", (await _shoppers.As(_tara).PostAsync(Return, new { input = new { orderId = second, note = "Too strong" } }))
            .EnsureNoErrors().Data!["requestReturn"]!["order"]!["status"]!.GetValue<string>());
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], (await _shoppers.As(_tara).PostAsync(Returned, new { input = new { orderId = second } })).ErrorCodes);
        Assert.Equal("RETURNED", (await Support(fixture.Client()).PostAsync(Returned, new { input = new { orderId = second } }))
            .EnsureNoErrors().Data!["markOrderReturned"]!["order"]!["status"]!.GetValue<string>());
        Assert.Equal(8, await StockAsync());
    }
}
