using System.Text.Json.Nodes;
using ConnectingNer.Api.Tests.Ordering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.Api.Tests.PrivacyRequests;

/// <summary>
/// One workflow for privacy requests, over HTTP: a grievance acknowledged at once with a reference and a due date on
/// the regime's clock, one open request per type, the officer's queue with overdue requests first, every step on record.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PrivacyRequestWorkflowTests(ApiFixture fixture) : IAsyncLifetime
{
    private const string Fields = "id reference type status regime subject details receivedAt dueAt overdue extensionReason resolution closedAt history { actor from to note }";

    private const string File = $$"""
        mutation($s: String, $d: String!) { fileGrievance(subject: $s, details: $d) { privacyRequest { {{Fields}} } errors { code field } } }
        """;

    private const string Queue = "{ privacyRequests(first: 10) { nodes { id reference status overdue customerId assignedTo } } }";

    public Task InitializeAsync() => fixture.ResetAsync(productsPerCategory: 1);

    public Task DisposeAsync() => Task.CompletedTask;

    private GraphQLClient Officer() => fixture.Client().As("staff-privacy", roles: "privacy_officer");

    private static string[] Codes(JsonNode payload) => [.. payload["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>())];

    private async Task<JsonNode> StepAsync(string mutation, string id, string? argument = null, object? value = null, int? months = null)
    {
        var args = $"requestId: \"{id}\"" + (argument is null ? "" : $", {argument}: $v") + (months is null ? "" : $", months: {months}");
        var declaration = argument is null ? "" : "($v: String!)";
        var response = await Officer().PostAsync($$"""mutation{{declaration}} { {{mutation}}({{args}}) { privacyRequest { {{Fields}} } errors { code field } } }""",
            argument is null ? null : new { v = value });
        return response.EnsureNoErrors().Data![mutation]!;
    }

    private async Task<JsonNode> FileAsync(Guid customer, string details = "My phone number appeared on a courier label I did not expect.") =>
        (await fixture.Client().As(customer.ToString()).PostAsync(File, new { s = "Courier label", d = details })).EnsureNoErrors().Data!["fileGrievance"]!;

    [Fact]
    public async Task AGrievance_IsAcknowledgedAtOnce_AndTheOfficersAnswer_ReachesTheCustomer_WithEveryStepOnRecord()
    {
        var customer = await fixture.CreateCustomerAsync("mina@example.in", "Mina");
        var before = DateTimeOffset.UtcNow;

        var filed = await FileAsync(customer);
        var again = await FileAsync(customer, "Another complaint while the first is open.");
        var request = filed["privacyRequest"]!;
        var id = request["id"]!.GetValue<string>();

        Assert.Empty(Codes(filed));
        Assert.Matches(@"^PR-\d{4}-\d{6}$", request["reference"]!.GetValue<string>());
        Assert.Equal(("GRIEVANCE", "VERIFIED", "DPDP"), (request["type"]!.GetValue<string>(), request["status"]!.GetValue<string>(), request["regime"]!.GetValue<string>()));
        Assert.InRange(request["dueAt"]!.GetValue<DateTimeOffset>(), before.AddDays(90).AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(90).AddMinutes(1));
        Assert.Equal(id, again["privacyRequest"]!["id"]!.GetValue<string>()); // one open grievance: the same one answers
        var acknowledgement = fixture.Factory.Emails.Last("mina@example.in");
        Assert.Equal($"We received your request {request["reference"]!.GetValue<string>()}", acknowledgement.Subject);
        Assert.Single(fixture.Factory.Emails.Sent, e => e.To == "mina@example.in"); // the duplicate sent nothing more

        var assigned = await StepAsync("assignPrivacyRequest", id);
        var completed = await StepAsync("completePrivacyRequest", id, "answer", "We have asked the courier to print only the last four digits.");
        var mine = (await fixture.Client().As(customer.ToString()).PostAsync($"{{ myPrivacyRequests(first: 5) {{ nodes {{ {Fields} }} }} }}"))
            .EnsureNoErrors().Data!["myPrivacyRequests"]!["nodes"]!.AsArray();

        Assert.Equal("IN_PROGRESS", assigned["privacyRequest"]!["status"]!.GetValue<string>());
        Assert.Equal("COMPLETED", completed["privacyRequest"]!["status"]!.GetValue<string>());
        var seen = Assert.Single(mine)!;
        Assert.Equal("We have asked the courier to print only the last four digits.", seen["resolution"]!.GetValue<string>());
        Assert.NotNull(seen["closedAt"]);
        Assert.Equal(["RECEIVED", "VERIFIED", "IN_PROGRESS", "COMPLETED"], seen["history"]!.AsArray().Select(h => h!["to"]!.GetValue<string>()));
        Assert.Equal(["customer", "system", "staff:staff-privacy", "staff:staff-privacy"], seen["history"]!.AsArray().Select(h => h!["actor"]!.GetValue<string>()));
        var answer = fixture.Factory.Emails.Last("mina@example.in");
        Assert.EndsWith("is complete", answer.Subject, StringComparison.Ordinal);
        Assert.Contains("We have asked the courier to print only the last four digits.", answer.Body, StringComparison.Ordinal);

        // Closed now: a new grievance is a new request; the closed one takes no more steps.
        Assert.NotEqual(id, (await FileAsync(customer))["privacyRequest"]!["id"]!.GetValue<string>());
        Assert.Equal(["privacy_request.closed"], Codes(await StepAsync("rejectPrivacyRequest", id, "reason", "Too late.")));
    }

    [Fact]
    public async Task TheQueue_ShowsOpenRequestsFirst_TheOverdueOneAtTheTop_AndOnlyToThePrivacyOfficer()
    {
        var ids = new List<string>();
        foreach (var email in new[] { "a@example.in", "b@example.in", "c@example.in" })
            ids.Add((await FileAsync(await fixture.CreateCustomerAsync(email, email[..1])))["privacyRequest"]!["id"]!.GetValue<string>());
        await StepAsync("rejectPrivacyRequest", ids[0], "reason", "Not about personal data.");
        await using (var db = fixture.Database.CreateDbContext())
        {
            var third = ConnectingNer.GraphQL.Server.Relay.GlobalId.TryDecodeInt(ids[2], "PrivacyRequest", out var raw) ? raw : throw new InvalidOperationException();
            await db.Database.ExecuteSqlAsync($"UPDATE privacy_requests SET due_at = now() - interval '1 day' WHERE id = {third}");
        }

        var queue = (await Officer().PostAsync(Queue)).EnsureNoErrors().Data!["privacyRequests"]!["nodes"]!.AsArray();

        Assert.Equal([ids[2], ids[1], ids[0]], queue.Select(q => q!["id"]!.GetValue<string>()));
        Assert.Equal([true, false, false], queue.Select(q => q!["overdue"]!.GetValue<bool>()));
        Assert.Equal("REJECTED", queue[2]!["status"]!.GetValue<string>());
        foreach (var refused in new[] { fixture.Client().As("staff-support", roles: "support"), fixture.Client().As(Guid.NewGuid().ToString()), fixture.Client() })
            Assert.Contains((await refused.PostAsync(Queue)).ErrorCodes.Single(), (string[])["AUTH_NOT_AUTHORIZED", "AUTH_NOT_AUTHENTICATED"]);
        var customerTries = await fixture.Client().As(Guid.NewGuid().ToString()).PostAsync(
            $$"""mutation { completePrivacyRequest(requestId: "{{ids[1]}}", answer: "Done.") { errors { code } } }""");
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], customerTries.ErrorCodes);
    }

    [Fact]
    public async Task ThePrivacyOfficer_IsToldOfRequestsDueSoon_ByReferenceOnly()
    {
        var soon = (await FileAsync(await fixture.CreateCustomerAsync("a@example.in", "A")))["privacyRequest"]!;
        await FileAsync(await fixture.CreateCustomerAsync("b@example.in", "B")); // due in 90 days: not yet
        await using (var db = fixture.Database.CreateDbContext())
        {
            var id = ConnectingNer.GraphQL.Server.Relay.GlobalId.TryDecodeInt(soon["id"]!.GetValue<string>(), "PrivacyRequest", out var raw) ? raw : 0;
            await db.Database.ExecuteSqlAsync($"UPDATE privacy_requests SET due_at = now() + interval '2 days' WHERE id = {id}");
        }

        var named = await fixture.Factory.Services.GetRequiredService<ConnectingNer.Infrastructure.PrivacyRequests.PrivacyRequestDueSoonJob>()
            .NotifyAsync(CancellationToken.None);

        Assert.Equal(1, named);
        var notice = fixture.Factory.Emails.Last("privacy@connectingner.example");
        Assert.Contains(soon["reference"]!.GetValue<string>(), notice.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("courier label", notice.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnEuCustomersRequest_RunsOnTheGdprClock_AndMayBeExtendedOnce_WithAReason()
    {
        var shoppers = new Shoppers(fixture);
        var eu = await fixture.CreateCustomerAsync("klara@example.de", "Klara");
        await shoppers.AddAddressAsync(eu, "Berlin", "10115", "DE");
        var india = await fixture.CreateCustomerAsync("mina@example.in", "Mina");

        var gdpr = (await FileAsync(eu))["privacyRequest"]!;
        var dpdp = (await FileAsync(india))["privacyRequest"]!;
        var received = gdpr["receivedAt"]!.GetValue<DateTimeOffset>();

        Assert.Equal("GDPR", gdpr["regime"]!.GetValue<string>());
        Assert.Equal(received.AddMonths(1), gdpr["dueAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(["privacy_request.reason_required"], Codes(await StepAsync("extendPrivacyRequest", gdpr["id"]!.GetValue<string>(), "reason", " ", 2)));
        var extended = await StepAsync("extendPrivacyRequest", gdpr["id"]!.GetValue<string>(), "reason", "Orders across three years to collect.", 2);
        Assert.Equal(received.AddMonths(3), extended["privacyRequest"]!["dueAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("Orders across three years to collect.", extended["privacyRequest"]!["extensionReason"]!.GetValue<string>());
        Assert.Equal(["privacy_request.extension_not_allowed"],
            Codes(await StepAsync("extendPrivacyRequest", gdpr["id"]!.GetValue<string>(), "reason", "Again.", 1)));
        Assert.Equal(["privacy_request.extension_not_allowed"],
            Codes(await StepAsync("extendPrivacyRequest", dpdp["id"]!.GetValue<string>(), "reason", "More time.", 1)));
    }

    [Theory]
    [InlineData("", "privacy_request.details_required", "details")]
    [InlineData("<long>", "privacy_request.text_too_long", "details")]
    public async Task ABadGrievance_IsRefused_AndNothingIsFiled(string details, string code, string field)
    {
        var customer = await fixture.CreateCustomerAsync("mina@example.in", "Mina");

        var payload = await FileAsync(customer, details == "<long>" ? new string('x', 2001) : details);

        Assert.Equal([code], Codes(payload));
        Assert.Equal(field, payload["errors"]![0]!["field"]!.GetValue<string>());
        await using var db = fixture.Database.CreateDbContext();
        Assert.Equal(0, await db.Set<ConnectingNer.Domain.PrivacyRequests.PrivacyRequest>().CountAsync());
    }

    [Fact]
    public async Task AStepOnAnUnknownRequest_IsNotFound()
    {
        var payload = await StepAsync("assignPrivacyRequest", ConnectingNer.GraphQL.Server.Relay.GlobalId.Encode("PrivacyRequest", 999));

        Assert.Equal(["privacy_request.not_found"], Codes(payload));
    }
}

/// <summary>Corrections of what the customer cannot edit: to the officer, with the order named only when it is theirs.</summary>
[Collection(ApiCollection.Name)]
public sealed class CorrectionTests(ApiFixture fixture) : IAsyncLifetime
{
    private const string Correct = """
        mutation($w: String!, $c: String!, $o: ID) { requestCorrection(what: $w, correction: $c, orderId: $o) { privacyRequest { type status subject details } errors { code field } } }
        """;

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ACorrectionOfAnOrdersAddress_GoesToTheOfficer_NamingTheOrder_OnlyForTheCustomersOwnOrder()
    {
        var shoppers = new Shoppers(fixture);
        var (owner, address) = await shoppers.CreateAsync("mina@example.in");
        var (stranger, _) = await shoppers.CreateAsync("other@example.in");
        int product;
        await using (var db = fixture.Database.CreateDbContext()) product = await db.Products.Where(p => p.Stock > 0).Select(p => p.Id).FirstAsync();
        var order = (await shoppers.OrderAsync(owner, address, lines: (product, 1)))["order"]!;
        var variables = new { w = "shipping address", c = "House 7, not House 1", o = order["id"]!.GetValue<string>() };

        var mine = (await shoppers.As(owner).PostAsync(Correct, variables)).EnsureNoErrors().Data!["requestCorrection"]!;
        var theirs = (await shoppers.As(stranger).PostAsync(Correct, variables)).EnsureNoErrors().Data!["requestCorrection"]!;

        var request = mine["privacyRequest"]!;
        Assert.Equal(("CORRECTION", "VERIFIED"), (request["type"]!.GetValue<string>(), request["status"]!.GetValue<string>()));
        Assert.Equal($"shipping address (order {order["number"]!.GetValue<string>()})", request["subject"]!.GetValue<string>());
        Assert.Equal("House 7, not House 1", request["details"]!.GetValue<string>());
        Assert.Equal(["order.not_found"], theirs["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>()));
        var queue = (await fixture.Client().As("staff-privacy", roles: "privacy_officer").PostAsync("{ privacyRequests { nodes { type } } }"))
            .EnsureNoErrors().Data!["privacyRequests"]!["nodes"]!.AsArray();
        Assert.Equal(["CORRECTION"], queue.Select(q => q!["type"]!.GetValue<string>()));
    }
}
