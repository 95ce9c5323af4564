using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;
using ConnectingNer.Api.Tests.Ordering;
using ConnectingNer.Domain.PrivacyRequests;
using ConnectingNer.GraphQL.Server.Relay;
using ConnectingNer.Infrastructure.Privacy;
using ConnectingNer.Infrastructure.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.Api.Tests.PrivacyRequests;

/// <summary>Access and portability: an export of everything held, with the DPDP §11 summary from the ledger, behind a signed 7-day link.</summary>
[Collection(ApiCollection.Name)]
public sealed class DataExportTests(ApiFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    private const string Request = "mutation { requestDataExport { privacyRequest { id reference type status history { to actor note } } errors { code field } } }";
    private const string Exports = "{ myDataExports { reference createdAt expiresAt sizeInBytes downloadUrl } }";

    private readonly Shoppers _shoppers = new(fixture);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The customer, signed in a minute ago (the token's <c>auth_time</c>).</summary>
    public static GraphQLClient SignedInNow(GraphQLClient client, int minutesAgo = 1)
    {
        client.Http.DefaultRequestHeaders.Add("X-Test-Auth-Time", DateTimeOffset.UtcNow.AddMinutes(-minutesAgo).ToUnixTimeSeconds().ToString());
        return client;
    }

    /// <summary>Waits for the background job to write the export (it is woken by the request; a minute is far beyond "within minutes").</summary>
    private static async Task<JsonNode> ExportAsync(GraphQLClient client)
    {
        for (var clock = Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromMinutes(1); await Task.Delay(25))
        {
            if ((await client.PostAsync(Exports)).EnsureNoErrors().Data!["myDataExports"]!.AsArray() is [var export, ..]) return export!;
        }

        throw new Xunit.Sdk.XunitException("no export within a minute");
    }

    private async Task<(HttpStatusCode Status, string Body)> DownloadAsync(string url)
    {
        using var response = await fixture.Factory.CreateClient().GetAsync(new Uri(url).PathAndQuery);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheExport_ContainsEveryCategoryTheLedgerSaysWasDisclosed_AndNamesTheRecipients()
    {
        var (tara, address) = await _shoppers.CreateAsync("tara@example.in");
        var order = (await _shoppers.OrderAsync(tara, address, "CASH_ON_DELIVERY", null, (3, 2)))["order"]!;
        var customerId = GlobalId.Encode("Customer", tara.ToString());
        // Support reads her contact details; the courier sees her address on the shipment.
        (await fixture.Client().As("staff-support", roles: "support").PostAsync($$"""{ customer(id: "{{customerId}}") { email phone addresses { city } } }"""))
            .EnsureNoErrors();
        (await fixture.Client().As("staff-support", roles: "support").PostAsync(
            "mutation($input: PackOrderInput!) { packOrder(input: $input) { errors { code } } }",
            new { input = new { orderId = order["id"]!.GetValue<string>(), logisticsPartnerId = TestClients.LogisticsPartner } })).EnsureNoErrors();
        var logistics = fixture.Client();
        logistics.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            await fixture.PartnerTokenAsync(TestClients.LogisticsId, TestClients.LogisticsSecret, "orders:fulfil"));
        (await logistics.PostAsync("{ shipmentsToFulfil { nodes { recipient { recipientName phone } } } }")).EnsureNoErrors();

        var client = SignedInNow(fixture.Client().As(tara.ToString(), Shoppers.Scopes));
        var requested = (await client.PostAsync(Request)).EnsureNoErrors().Data!["requestDataExport"]!["privacyRequest"]!;
        var again = (await client.PostAsync(Request)).EnsureNoErrors().Data!["requestDataExport"]!["privacyRequest"]!;
        var export = await ExportAsync(client);
        var (status, body) = await DownloadAsync(export["downloadUrl"]!.GetValue<string>());

        Assert.Equal(("ACCESS", "PR-"), (requested["type"]!.GetValue<string>(), requested["reference"]!.GetValue<string>()[..3]));
        Assert.Equal("Identity checked: signed in within the last 10 minutes.", requested["history"]![1]!["note"]!.GetValue<string>());
        Assert.Equal(requested["id"]!.GetValue<string>(), again["id"]!.GetValue<string>()); // asked twice while open: one request
        Assert.Equal(HttpStatusCode.OK, status);
        var json = JsonNode.Parse(body)!;
        Assert.Equal("connectingner.data-export/1", json["format"]!.GetValue<string>());
        Assert.Equal(requested["reference"]!.GetValue<string>(), export["reference"]!.GetValue<string>());
        Assert.Equal("tara@example.in", json["customer"]!["email"]!.GetValue<string>());
        Assert.Equal("Tara Kalita", json["addresses"]![0]!["recipientName"]!.GetValue<string>());
        Assert.Equal(order["number"]!.GetValue<string>(), json["orders"]![0]!["number"]!.GetValue<string>());
        Assert.Equal("Guwahati", json["orders"]![0]!["shippingAddress"]!["city"]!.GetValue<string>());
        Assert.Contains(json["privacyRequests"]!.AsArray(), r => r!["type"]!.GetValue<string>() == "Access");

        // Every category the ledger records as disclosed to someone else is in the summary, with its recipients.
        await using var db = fixture.Database.CreateDbContext();
        var subject = tara.ToString();
        var ledger = await db.Set<AuditEvent>().Where(a => a.SubjectId == tara && a.ActorSubject != subject).ToListAsync();
        var disclosed = ledger.SelectMany(a => a.Categories).Distinct().Order(StringComparer.Ordinal).ToArray();
        var summary = json["disclosureSummary"]!.AsArray();
        Assert.Contains("address.postal", disclosed);
        Assert.Contains("contact.email", disclosed);
        Assert.Equal(disclosed, summary.Select(s => s!["category"]!.GetValue<string>()));
        var addressRecipients = summary.Single(s => s!["category"]!.GetValue<string>() == "address.postal")!["recipients"]!.AsArray()
            .Select(r => $"{r!["kind"]}:{r["id"]}").ToArray();
        Assert.Contains($"partner:{TestClients.LogisticsPartner}", addressRecipients);
        Assert.Contains("staff:support", addressRecipients);
        Assert.Contains("delivery", summary.Single(s => s!["category"]!.GetValue<string>() == "address.postal")!["purposes"]!.AsArray()
            .Select(p => p!.GetValue<string>()));

        // The request is complete, the customer emailed the link, and the file is not readable at rest.
        var done = (await client.PostAsync("{ myPrivacyRequests(first: 5) { nodes { type status resolution } } }")).EnsureNoErrors()
            .Data!["myPrivacyRequests"]!["nodes"]!.AsArray().Single(r => r!["type"]!.GetValue<string>() == "ACCESS")!;
        Assert.Equal("COMPLETED", done["status"]!.GetValue<string>());
        var mail = fixture.Factory.Emails.Sent.Last(e => e.To == "tara@example.in" && e.Subject.Contains("export", StringComparison.Ordinal));
        Assert.StartsWith("/privacy/exports/download?token=", mail.Link());
        Assert.Equal(body, (await DownloadAsync("https://localhost" + mail.Link())).Body);
        var stored = await db.Set<DataExport>().SingleAsync();
        Assert.DoesNotContain("tara@example.in", Encoding.UTF8.GetString(stored.Content));
        Assert.Equal(TimeSpan.FromDays(7), stored.ExpiresAt - stored.CreatedAt);
    }

    [Fact]
    public async Task AnExport_NeedsARecentSignIn_AndNothingIsRequestedWithoutIt()
    {
        var (tara, _) = await _shoppers.CreateAsync("tara@example.in");

        var stale = await SignedInNow(fixture.Client().As(tara.ToString()), minutesAgo: 11).PostAsync(Request);
        var unknown = await fixture.Client().As(tara.ToString()).PostAsync(Request);
        var anonymous = await fixture.Client().PostAsync(Request);

        Assert.Equal("auth.recent_sign_in_required", stale.EnsureNoErrors().Data!["requestDataExport"]!["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("auth.recent_sign_in_required", unknown.EnsureNoErrors().Data!["requestDataExport"]!["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], anonymous.ErrorCodes);
        await using var db = fixture.Database.CreateDbContext();
        Assert.Equal(0, await db.Set<PrivacyRequest>().CountAsync());
    }

    [Fact]
    public async Task AForgedOrAlteredLink_IsRefused_AnExpiredOneIsGone_AndTheRetentionJobDeletesTheFile()
    {
        var (tara, _) = await _shoppers.CreateAsync("tara@example.in");
        var client = SignedInNow(fixture.Client().As(tara.ToString()));
        (await client.PostAsync(Request)).EnsureNoErrors();
        var url = new Uri((await ExportAsync(client))["downloadUrl"]!.GetValue<string>()).PathAndQuery;
        var token = url[(url.IndexOf("token=", StringComparison.Ordinal) + 6)..];
        var altered = url[..^6] + (url[^6] == 'A' ? 'B' : 'A') + url[^5..];

        var forged = await DownloadAsync("https://localhost/privacy/exports/download?token=not-a-token");
        var tampered = await DownloadAsync("https://localhost" + altered);
        var missing = await DownloadAsync("https://localhost/privacy/exports/download");
        var fine = await DownloadAsync("https://localhost" + url);
        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        Assert.Contains("export.link_invalid", forged.Body);
        Assert.Equal(HttpStatusCode.BadRequest, tampered.Status);
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Equal(HttpStatusCode.OK, fine.Status);
        Assert.NotEmpty(token);

        // Eight days on: the file is past its seven days; the link is gone and the retention job deletes the file.
        await using var db = fixture.Database.CreateDbContext();
        await db.Set<DataExport>().ExecuteUpdateAsync(e => e.SetProperty(x => x.CreatedAt, x => x.CreatedAt.AddDays(-8))
            .SetProperty(x => x.ExpiresAt, x => x.ExpiresAt.AddDays(-8)));
        var expired = await DownloadAsync("https://localhost" + url);
        Assert.Equal(HttpStatusCode.Gone, expired.Status);
        Assert.Contains("export.link_expired", expired.Body);
        Assert.Empty((await client.PostAsync(Exports)).EnsureNoErrors().Data!["myDataExports"]!.AsArray());
        var runs = await fixture.Factory.Services.GetRequiredService<RetentionJob>().RunAsync(CancellationToken.None);
        Assert.Equal(1, runs.Single(r => r.Rule == "exports").Deleted);
        Assert.Equal(0, await db.Set<DataExport>().CountAsync());
    }

    [Fact]
    public async Task TheExport_OfACustomerWith100Orders_HoldsThemAll()
    {
        var (tara, address) = await _shoppers.CreateAsync("tara@example.in");
        await using (var db = fixture.Database.CreateDbContext())
            await db.Products.ExecuteUpdateAsync(p => p.SetProperty(x => x.Stock, 1_000));
        for (var i = 0; i < 100; i++) await _shoppers.OrderAsync(tara, address, "CASH_ON_DELIVERY", null, (1 + i % 4, 1));
        var client = SignedInNow(fixture.Client().As(tara.ToString()));

        var clock = Stopwatch.StartNew();
        (await client.PostAsync(Request)).EnsureNoErrors();
        var export = await ExportAsync(client);
        var elapsed = clock.Elapsed;
        var (status, body) = await DownloadAsync(export["downloadUrl"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(100, JsonNode.Parse(body)!["orders"]!.AsArray().Count);
        // A figure for the closing note, not a limit: the time from the request to the export being listed.
        var figure = $"export of a customer with 100 orders: {elapsed.TotalMilliseconds:F0} ms from request to ready, {body.Length / 1024} KiB";
        output.WriteLine(figure);
        if (Environment.GetEnvironmentVariable("CONNECTINGNER_ARTIFACTS") is { Length: > 0 } artifacts)
        {
            Directory.CreateDirectory(artifacts);
            await File.WriteAllTextAsync(Path.Combine(artifacts, "export-100-orders.txt"), figure + Environment.NewLine);
        }
    }
}
