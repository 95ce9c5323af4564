using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ConnectingNer.Api.Tests.Ordering;
using ConnectingNer.GraphQL.Server.Relay;
using ConnectingNer.Infrastructure.Privacy;
using ConnectingNer.Domain.PrivacyRequests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static ConnectingNer.Api.Tests.Consent.ConsentTests;
using static ConnectingNer.Api.Tests.PrivacyRequests.DataExportTests;

namespace ConnectingNer.Api.Tests.PrivacyRequests;

/// <summary>Erasure with a preview: crypto-shredding, invoices kept without the person, proof kept without their identity, partners told.</summary>
[Collection(ApiCollection.Name)]
public sealed class ErasureTests(ApiFixture fixture) : IAsyncLifetime
{
    private const string Erase = "mutation { requestErasure { privacyRequest { type status resolution } errors { code } } }";
    private const string Preview = """
        { previewErasure { canErase deleted { category count } kept { category count reason until } blockers { code message } partnersNotified } }
        """;

    private readonly Shoppers _shoppers = new(fixture);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<GraphQLClient> PartnerAsync(string id, string secret, string scope)
    {
        var client = fixture.Client();
        client.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await fixture.PartnerTokenAsync(id, secret, scope));
        return client;
    }

    /// <summary>Places a prepaid order and takes it to DELIVERED (paid, invoiced, packed, shipped by the logistics partner, who sees the address).</summary>
    private async Task<string> DeliveredOrderAsync(Guid customer, string address)
    {
        var order = (await _shoppers.OrderAsync(customer, address, "PREPAID", null, (3, 1), (4, 2)))["order"]!;
        var (id, number) = (order["id"]!.GetValue<string>(), order["number"]!.GetValue<string>());
        var payments = await PartnerAsync(TestClients.PaymentsId, TestClients.PaymentsSecret, "payments:process");
        (await payments.PostAsync("mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { errors { code } } }", new
        {
            input = new { orderNumber = number, amountPaise = order["total"]!["amountInPaise"]!.GetValue<long>(), providerReference = "pay_" + number, idempotencyKey = number },
        })).EnsureNoErrors();
        (await fixture.Client().As("staff-support", roles: "support").PostAsync("mutation($input: PackOrderInput!) { packOrder(input: $input) { errors { code } } }",
            new { input = new { orderId = id, logisticsPartnerId = TestClients.LogisticsPartner } })).EnsureNoErrors();
        var logistics = await PartnerAsync(TestClients.LogisticsId, TestClients.LogisticsSecret, "orders:fulfil");
        var shipment = (await logistics.PostAsync("{ shipmentsToFulfil { nodes { id orderNumber recipient { recipientName phone } } } }")).EnsureNoErrors()
            .Data!["shipmentsToFulfil"]!["nodes"]!.AsArray().Single(s => s!["orderNumber"]!.GetValue<string>() == number)!["id"]!.GetValue<string>();
        const string Update = "mutation($input: UpdateShipmentInput!) { updateShipment(input: $input) { errors { code } } }";
        (await logistics.PostAsync(Update, new { input = new { shipmentId = shipment, status = "SHIPPED", trackingNumber = "AWB-" + number[^6..] } })).EnsureNoErrors();
        (await logistics.PostAsync(Update, new { input = new { shipmentId = shipment, status = "DELIVERED" } })).EnsureNoErrors();
        return number;
    }

    private async Task<List<(string Invoice, long Total, long Lines, long Parts)>> InvoicesAsync()
    {
        await using var connection = new NpgsqlConnection(fixture.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT o.invoice_number, o.total_paise, (SELECT sum(l.line_total_paise) FROM order_lines l WHERE l.order_id = o.id)::bigint,
                   o.taxable_value_paise + o.cgst_paise + o.sgst_paise + o.igst_paise
            FROM orders o WHERE o.invoice_number IS NOT NULL ORDER BY o.invoice_number
            """, connection);
        var invoices = new List<(string, long, long, long)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) invoices.Add((reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)));
        return invoices;
    }

    /// <summary>Every row of the database, as pg_dump writes it.</summary>
    private async Task<string> DumpAsync()
    {
        var builder = new NpgsqlConnectionStringBuilder(fixture.Database.ConnectionString);
        var pgDump = Directory.GetFiles("/usr/lib/postgresql", "pg_dump", SearchOption.AllDirectories).Order().Last();
        var start = new ProcessStartInfo(pgDump, ["--data-only", "--no-owner", "-h", builder.Host!, "-p", builder.Port.ToString(), "-U", builder.Username!,
            builder.Database!]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var dump = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());
        return dump;
    }

    private static string Hex(string text) => Convert.ToHexString(Encoding.UTF8.GetBytes(text)).ToLowerInvariant();

    [Fact]
    public async Task AfterErasure_ARawDumpFindsNoneOfThePersonsData_WhileTheirInvoicesStillAddUp()
    {
        var tara = await fixture.CreateCustomerAsync("tara@example.in", "Tara Kalita", "+919812345678");
        var address = await _shoppers.AddAddressAsync(tara, "Assam", "781024");
        var client = SignedInNow(fixture.Client().As(tara.ToString(), Shoppers.Scopes));
        (await client.PostAsync(SetMine, new { input = new { decisions = Decisions(("analytics", true), ("marketing.email", true)) } })).EnsureNoErrors();
        (await client.PostAsync("mutation($i: RecordEventsInput!) { recordEvents(input: $i) { stored } }",
            new { i = new { events = new[] { new { type = "SEARCHED", query = "muga silk for tara", occurredAt = DateTimeOffset.UtcNow } } } })).EnsureNoErrors();
        (await client.PostAsync("mutation { nominate(name: \"Bhaskar Kalita\", email: \"bhaskar@example.in\", relation: \"brother\") { errors { code } } }"))
            .EnsureNoErrors();
        (await client.PostAsync("mutation { subscribeNewsletter(email: \"tara@example.in\") { errors { code } } }")).EnsureNoErrors();
        var delivered = await DeliveredOrderAsync(tara, address);
        var cancelled = (await _shoppers.OrderAsync(tara, address, "PREPAID", null, (5, 1)))["order"]!["id"]!.GetValue<string>();
        (await client.PostAsync("mutation($input: CancelOrderInput!) { cancelOrder(input: $input) { errors { code } } }",
            new { input = new { orderId = cancelled } })).EnsureNoErrors();
        (await fixture.Client().As("staff-support", roles: "support")
            .PostAsync($$"""{ customer(id: "{{GlobalId.Encode("Customer", tara.ToString())}}") { email name phone } }""")).EnsureNoErrors();
        var invoicesBefore = await InvoicesAsync();
        var emailIndex = fixture.Factory.Services.GetRequiredService<PersonalDataCipher>().EmailIndex("tara@example.in");
        var before = await DumpAsync(); // what the dump shows of her while she is a customer: the check below can fail
        Assert.All([tara.ToString(), emailIndex, "muga silk for tara"], value => Assert.Contains(value, before, StringComparison.OrdinalIgnoreCase));

        var preview = (await client.PostAsync(Preview)).EnsureNoErrors().Data!["previewErasure"]!;
        var erased = (await client.PostAsync(Erase)).EnsureNoErrors().Data!["requestErasure"]!["privacyRequest"]!;

        Assert.True(preview["canErase"]!.GetValue<bool>());
        Assert.Equal(1, preview["deleted"]!.AsArray().Single(d => d!["category"]!.GetValue<string>() == "orders")!["count"]!.GetValue<int>());
        Assert.Equal(1, preview["deleted"]!.AsArray().Single(d => d!["category"]!.GetValue<string>() == "events")!["count"]!.GetValue<int>());
        var invoices = preview["kept"]!.AsArray().Single(k => k!["category"]!.GetValue<string>() == "invoices")!;
        Assert.Equal(1, invoices["count"]!.GetValue<int>());
        Assert.Contains("CGST", invoices["reason"]!.GetValue<string>());
        Assert.True(DateTimeOffset.Parse(invoices["until"]!.GetValue<string>()) > DateTimeOffset.UtcNow.AddYears(7));
        Assert.Equal(["Logistics partner (test)"], preview["partnersNotified"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal(("ERASURE", "COMPLETED"), (erased["type"]!.GetValue<string>(), erased["status"]!.GetValue<string>()));
        Assert.Contains("erased", fixture.Factory.Emails.Last("tara@example.in").Subject);

        // The partner that saw her address is told, and acknowledging the notice makes it forget who she was.
        var logistics = await PartnerAsync(TestClients.LogisticsId, TestClients.LogisticsSecret, "orders:fulfil");
        var notice = Assert.Single((await logistics.PostAsync("{ erasureNotices { id customerId orderNumbers categories } }")).EnsureNoErrors()
            .Data!["erasureNotices"]!.AsArray())!;
        Assert.Equal(GlobalId.Encode("Customer", tara.ToString()), notice["customerId"]!.GetValue<string>());
        Assert.Equal([delivered], notice["orderNumbers"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Contains("address.postal", notice["categories"]!.AsArray().Select(n => n!.GetValue<string>()));
        var acknowledged = (await logistics.PostAsync("mutation($id: ID!) { acknowledgeErasureNotice(noticeId: $id) { erasureNotice { customerId acknowledgedAt } errors { code } } }",
            new { id = notice["id"]!.GetValue<string>() })).EnsureNoErrors().Data!["acknowledgeErasureNotice"]!["erasureNotice"]!;
        Assert.Null(acknowledged["customerId"]);
        Assert.NotNull(acknowledged["acknowledgedAt"]);
        Assert.Empty((await logistics.PostAsync("{ erasureNotices { id } }")).EnsureNoErrors().Data!["erasureNotices"]!.AsArray());

        // A raw dump of the whole database holds nothing of hers: not in text, not in bytes, not her id, not her address's blind index.
        var dump = await DumpAsync();
        string[] hers = ["tara@example.in", "Tara Kalita", "+919812345678", "+919864012345", "Zoo Narengi", "1991-02-03", "muga silk for tara",
            "bhaskar@example.in", "Bhaskar", tara.ToString(), emailIndex];
        Assert.All(hers, value =>
        {
            Assert.DoesNotContain(value, dump, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Hex(value), dump, StringComparison.OrdinalIgnoreCase);
        });
        Assert.Contains("support", dump); // the ledger entry of support's look is still there, without her

        // Her invoices are all still there and still add up.
        var invoicesAfter = await InvoicesAsync();
        Assert.Equal(invoicesBefore, invoicesAfter);
        Assert.All(invoicesAfter, i => Assert.True(i.Total == i.Lines && i.Total == i.Parts, $"{i.Invoice} does not add up"));
        Assert.Contains(delivered, dump);

        // Her session is gone with her: the same identity finds no account.
        Assert.Null((await client.PostAsync("{ me { id } }")).Data?["me"]);
    }

    [Fact]
    public async Task Erasure_IsRefusedWhileALegalHoldStandsOrAnOrderIsOpen_OrWithoutARecentSignIn_AndNothingChanges()
    {
        var tara = await fixture.CreateCustomerAsync("tara@example.in", "Tara Kalita");
        var address = await _shoppers.AddAddressAsync(tara, "Assam", "781024");
        var client = SignedInNow(fixture.Client().As(tara.ToString(), Shoppers.Scopes));
        await _shoppers.OrderAsync(tara, address, "CASH_ON_DELIVERY", null, (3, 1));
        var officer = fixture.Client().As("staff-privacy", roles: "privacy_officer");
        (await officer.PostAsync("mutation($c: ID!) { placeLegalHold(customerId: $c, reason: \"Court order 7/2026\") { errors { code } } }",
            new { c = GlobalId.Encode("Customer", tara.ToString()) })).EnsureNoErrors();

        var preview = (await client.PostAsync(Preview)).EnsureNoErrors().Data!["previewErasure"]!;
        var refused = (await client.PostAsync(Erase)).EnsureNoErrors().Data!["requestErasure"]!;
        var stale = (await SignedInNow(fixture.Client().As(tara.ToString()), minutesAgo: 30).PostAsync(Erase)).EnsureNoErrors().Data!["requestErasure"]!;
        var partner = await (await PartnerAsync(TestClients.LogisticsId, TestClients.LogisticsSecret, "orders:fulfil")).PostAsync(Erase);
        var customerAsPartnerNotices = await client.PostAsync("{ erasureNotices { id } }");

        Assert.False(preview["canErase"]!.GetValue<bool>());
        Assert.Equal(["erasure.legal_hold", "erasure.open_orders"], preview["blockers"]!.AsArray().Select(b => b!["code"]!.GetValue<string>()));
        Assert.Contains(preview["kept"]!.AsArray(), k => k!["category"]!.GetValue<string>() == "open_orders");
        Assert.Equal(["erasure.legal_hold", "erasure.open_orders"], refused["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>()));
        Assert.Null(refused["privacyRequest"]);
        Assert.Equal("auth.recent_sign_in_required", stale["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("account.not_signed_in", partner.Data!["requestErasure"]!["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], customerAsPartnerNotices.ErrorCodes);
        Assert.Equal("Tara Kalita", (await client.PostAsync("{ me { name } }")).EnsureNoErrors().Data!["me"]!["name"]!.GetValue<string>());
        Assert.Empty((await client.PostAsync("{ myPrivacyRequests(first: 5) { nodes { id } } }")).EnsureNoErrors().Data!["myPrivacyRequests"]!["nodes"]!.AsArray());
    }

    [Fact]
    public async Task ThePublicWebPath_SignsThePersonInAgain_ShowsThePreview_AndErasesOnConfirmation()
    {
        var tara = await fixture.CreateCustomerAsync("tara@example.in", "Tara Kalita");
        var browser = Identity.Browser.For(fixture.Factory);

        var first = await browser.GetAsync("/account/delete");
        Assert.Equal("/account/login?returnUrl=%2Faccount%2Fdelete", first.Location!.PathAndQuery);
        var signedIn = await browser.SubmitAsync(await browser.FollowAsync(first),
            new Dictionary<string, string> { ["email"] = "tara@example.in", ["password"] = "customer-pass-1" });
        var page = await browser.FollowAsync(signedIn);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Your saved addresses (1)", page.Html);
        Assert.Contains("Delete my account and data", page.Html);

        var done = await browser.SubmitAsync(page, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Contains("Your account is deleted", done.Html);
        await using var db = fixture.Database.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Id == tara));
        Assert.Equal(PrivacyRequestStatus.Completed, (await db.Set<PrivacyRequest>().SingleAsync(r => r.Type == PrivacyRequestType.Erasure)).Status);
        // The session went with the account: the page asks for a sign-in again.
        Assert.StartsWith("/account/login", (await browser.GetAsync("/account/delete")).Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterErasure_TheCustomersRealTokens_AreRefusedOnEveryNode_WithinASecond()
    {
        var tara = await fixture.CreateCustomerAsync("tara@example.in", "Tara Kalita");
        await using var other = new ApiFactory(fixture.Database.ConnectionString);
        var flow = new Identity.CodeFlow(TestClients.WebId, TestClients.WebRedirect);
        var back = await flow.SignInAsync(Identity.Browser.For(fixture.Factory), "tara@example.in", "customer-pass-1");
        var (_, body) = await flow.RedeemAsync(fixture.Factory.CreateClient(), back.LocationParameter("code")!, TestClients.WebSecret);
        var token = body["access_token"]!.GetValue<string>();
        GraphQLClient With(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> node)
        {
            var http = node.CreateClient();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return new GraphQLClient(http);
        }

        Assert.Equal("Tara Kalita", (await With(other).PostAsync("{ me { name } }")).EnsureNoErrors().Data!["me"]!["name"]!.GetValue<string>());
        // The token's auth_time is the sign-in just made: recent enough to erase.
        var erased = (await With(fixture.Factory).PostAsync(Erase)).EnsureNoErrors().Data!["requestErasure"]!["privacyRequest"]!;
        Assert.Equal("COMPLETED", erased["status"]!.GetValue<string>());

        var since = Stopwatch.StartNew();
        while ((await With(other).PostAsync("{ me { id } }")).Data?["me"] is JsonObject) Assert.True(since.Elapsed < TimeSpan.FromSeconds(3), "still accepted");
        Assert.True(since.Elapsed < TimeSpan.FromSeconds(1), $"refused after {since.Elapsed}");
        Assert.Null((await With(fixture.Factory).PostAsync("{ me { id } }")).Data?["me"]);
    }
}
