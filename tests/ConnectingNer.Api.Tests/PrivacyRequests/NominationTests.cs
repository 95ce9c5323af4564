using System.Text.Json.Nodes;
using ConnectingNer.Application.PrivacyRequests;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Api.Tests.PrivacyRequests;

/// <summary>Nomination (DPDP Act §14): the customer names a nominee; only that nominee's own account acts for them, and the officer reviews it first.</summary>
[Collection(ApiCollection.Name)]
public sealed class NominationTests(ApiFixture fixture) : IAsyncLifetime
{
    private const string Nominate = """
        mutation($n: String!, $e: String!, $r: String!) { nominate(name: $n, email: $e, relation: $r) { nomination { name email relation } errors { code field } } }
        """;

    private const string OnBehalf = """
        mutation($c: String!, $t: PrivacyRequestType!, $p: String!) { requestOnBehalf(customerEmail: $c, type: $t, proof: $p) { privacyRequest { id type status history { actor to } } errors { code field } } }
        """;

    public Task InitializeAsync() => fixture.ResetAsync(productsPerCategory: 1);

    public Task DisposeAsync() => Task.CompletedTask;

    private static string[] Codes(JsonNode payload) => [.. payload["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>())];

    [Fact]
    public async Task TheNominee_OpensARequestOnTheCustomersBehalf_WhichWaitsForTheOfficersReview_AndTheCustomerIsTold()
    {
        var customer = await fixture.CreateCustomerAsync("mina@example.in", "Mina");
        var nominee = await fixture.CreateCustomerAsync("rupa@example.in", "Rupa");
        var stranger = await fixture.CreateCustomerAsync("someone@example.in", "Someone");
        var named = (await fixture.Client().As(customer.ToString()).PostAsync(Nominate, new { n = "Rupa Das", e = "rupa@example.in", r = "daughter" }))
            .EnsureNoErrors().Data!["nominate"]!;
        var mine = (await fixture.Client().As(customer.ToString()).PostAsync("{ myNomination { name email relation } }")).EnsureNoErrors().Data!["myNomination"]!;
        await using (var db = fixture.Database.CreateDbContext())
            Assert.DoesNotContain("Rupa", System.Text.Encoding.Latin1.GetString(await db.Nominations.Select(n => n.SealedNominee).SingleAsync()), StringComparison.Ordinal);

        var refused = (await fixture.Client().As(stranger.ToString()).PostAsync(OnBehalf, new { c = "mina@example.in", t = "GRIEVANCE", p = "Death certificate" }))
            .EnsureNoErrors().Data!["requestOnBehalf"]!;
        var unknown = (await fixture.Client().As(nominee.ToString()).PostAsync(OnBehalf, new { c = "nobody@example.in", t = "GRIEVANCE", p = "Death certificate" }))
            .EnsureNoErrors().Data!["requestOnBehalf"]!;
        var stale = fixture.Client().As(nominee.ToString());
        stale.Http.DefaultRequestHeaders.Add("X-Test-Auth-Time", DateTimeOffset.UtcNow.AddMinutes(-11).ToUnixTimeSeconds().ToString());
        var tooOld = (await stale.PostAsync(OnBehalf, new { c = "mina@example.in", t = "ERASURE", p = "Death certificate, by post" }))
            .EnsureNoErrors().Data!["requestOnBehalf"]!;
        var unknownTime = (await fixture.Client().As(nominee.ToString()).PostAsync(OnBehalf, new { c = "mina@example.in", t = "ACCESS", p = "Certificate" }))
            .EnsureNoErrors().Data!["requestOnBehalf"]!;
        var fresh = fixture.Client().As(nominee.ToString());
        fresh.Http.DefaultRequestHeaders.Add("X-Test-Auth-Time", DateTimeOffset.UtcNow.AddMinutes(-2).ToUnixTimeSeconds().ToString());
        var opened = (await fresh.PostAsync(OnBehalf, new { c = "mina@example.in", t = "ERASURE", p = "Death certificate, by post" }))
            .EnsureNoErrors().Data!["requestOnBehalf"]!;
        Assert.Equal(["auth.recent_sign_in_required"], Codes(tooOld));
        Assert.Equal(["auth.recent_sign_in_required"], Codes(unknownTime));

        Assert.Equal(("Rupa Das", "rupa@example.in", "daughter"), (mine["name"]!.GetValue<string>(), mine["email"]!.GetValue<string>(), mine["relation"]!.GetValue<string>()));
        Assert.Empty(Codes(named));
        Assert.Equal(["nomination.not_nominee"], Codes(refused));
        Assert.Equal(["nomination.not_nominee"], Codes(unknown)); // the same answer: no one learns who is a customer
        var request = opened["privacyRequest"]!;
        Assert.Equal(("ERASURE", "RECEIVED"), (request["type"]!.GetValue<string>(), request["status"]!.GetValue<string>()));
        Assert.Equal($"nominee:{nominee}", request["history"]![0]!["actor"]!.GetValue<string>());
        Assert.StartsWith("We received your request", fixture.Factory.Emails.Last("mina@example.in").Subject, StringComparison.Ordinal);
        var officer = fixture.Client().As("staff-privacy", roles: "privacy_officer");
        var id = request["id"]!.GetValue<string>();
        Assert.Equal(["privacy_request.not_verified"], Codes((await officer.PostAsync($$"""mutation { assignPrivacyRequest(requestId: "{{id}}") { errors { code } } }"""))
            .EnsureNoErrors().Data!["assignPrivacyRequest"]!));
        var verified = (await officer.PostAsync($$"""mutation { verifyPrivacyRequest(requestId: "{{id}}") { privacyRequest { status } errors { code } } }"""))
            .EnsureNoErrors().Data!["verifyPrivacyRequest"]!;
        Assert.Equal("VERIFIED", verified["privacyRequest"]!["status"]!.GetValue<string>());
        Assert.EndsWith("is verified", fixture.Factory.Emails.Last("mina@example.in").Subject, StringComparison.Ordinal);

        // Completing the verified erasure carries it out: the customer is erased, and the nominee who asked is told.
        var completed = (await officer.PostAsync($$"""mutation { completePrivacyRequest(requestId: "{{id}}", answer: "Erased on the nominee's request.") { privacyRequest { status } errors { code } } }"""))
            .EnsureNoErrors().Data!["completePrivacyRequest"]!;
        Assert.Equal("COMPLETED", completed["privacyRequest"]!["status"]!.GetValue<string>());
        await using var after = fixture.Database.CreateDbContext();
        Assert.False(await after.Users.AnyAsync(u => u.Id == customer));
        Assert.False(await after.CustomerKeys.AnyAsync(k => k.CustomerId == customer));
        Assert.Contains("as a nominee", fixture.Factory.Emails.Last("rupa@example.in").Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANomineesAccessRequest_OnceVerified_IsExported_AndTheLinkGoesToTheNominee()
    {
        var customer = await fixture.CreateCustomerAsync("mina@example.in", "Mina");
        var nominee = await fixture.CreateCustomerAsync("rupa@example.in", "Rupa");
        (await fixture.Client().As(customer.ToString()).PostAsync(Nominate, new { n = "Rupa Das", e = "rupa@example.in", r = "daughter" })).EnsureNoErrors();
        var opened = (await DataExportTests.SignedInNow(fixture.Client().As(nominee.ToString()))
            .PostAsync(OnBehalf, new { c = "mina@example.in", t = "ACCESS", p = "Death certificate, by post" })).EnsureNoErrors().Data!["requestOnBehalf"]!;
        var id = opened["privacyRequest"]!["id"]!.GetValue<string>();
        await using var db = fixture.Database.CreateDbContext();
        Assert.Equal(0, await db.Set<Domain.PrivacyRequests.DataExport>().CountAsync()); // nothing before the officer's review

        (await fixture.Client().As("staff-privacy", roles: "privacy_officer")
            .PostAsync($$"""mutation { verifyPrivacyRequest(requestId: "{{id}}") { errors { code } } }""")).EnsureNoErrors();
        CapturedEmail? mail = null;
        for (var clock = System.Diagnostics.Stopwatch.StartNew(); mail is null && clock.Elapsed < TimeSpan.FromMinutes(1); await Task.Delay(25))
            mail = fixture.Factory.Emails.Sent.LastOrDefault(e => e.To == "rupa@example.in" && e.Subject.Contains("export", StringComparison.Ordinal));

        Assert.NotNull(mail);
        using var file = await fixture.Client().Http.GetAsync(mail.Link());
        Assert.Equal("mina@example.in", JsonNode.Parse(await file.Content.ReadAsStringAsync())!["customer"]!["email"]!.GetValue<string>());
        Assert.DoesNotContain(fixture.Factory.Emails.Sent, e => e.To == "mina@example.in" && e.Subject.Contains("export", StringComparison.Ordinal));
        // Giving the file to the nominee is a disclosure, and the customer's ledger shows it.
        var disclosure = await db.AuditEvents.SingleAsync(a => a.SubjectId == customer && a.Purpose == "nominee_access");
        Assert.Equal(nominee.ToString(), disclosure.ActorSubject);
        Assert.Contains("address.postal", disclosure.Categories);
    }

    [Fact]
    public async Task AWithdrawnNomination_NoLongerLetsTheNomineeAct()
    {
        var customer = await fixture.CreateCustomerAsync("mina@example.in", "Mina");
        var nominee = await fixture.CreateCustomerAsync("rupa@example.in", "Rupa");
        (await fixture.Client().As(customer.ToString()).PostAsync(Nominate, new { n = "Rupa Das", e = "rupa@example.in", r = "daughter" })).EnsureNoErrors();

        (await fixture.Client().As(customer.ToString()).PostAsync("mutation { withdrawNomination { withdrawn errors { code } } }")).EnsureNoErrors();
        var refused = (await fixture.Client().As(nominee.ToString()).PostAsync(OnBehalf, new { c = "mina@example.in", t = "GRIEVANCE", p = "Certificate" }))
            .EnsureNoErrors().Data!["requestOnBehalf"]!;

        Assert.Equal(["nomination.not_nominee"], Codes(refused));
        Assert.Null((await fixture.Client().As(customer.ToString()).PostAsync("{ myNomination { name } }")).EnsureNoErrors().Data!["myNomination"]);
    }

    [Theory]
    [InlineData("", "rupa@example.in", "daughter", "name")]
    [InlineData("Rupa", "not an address", "daughter", "email")]
    [InlineData("Rupa", "rupa@example.in", "", "relation")]
    [InlineData("Me", "mina@example.in", "self", "email")]
    public async Task ABadNomination_IsRefused(string name, string email, string relation, string field)
    {
        var customer = await fixture.CreateCustomerAsync("mina@example.in", "Mina");

        var payload = (await fixture.Client().As(customer.ToString()).PostAsync(Nominate, new { n = name, e = email, r = relation })).EnsureNoErrors().Data!["nominate"]!;

        Assert.Equal(["nomination.invalid"], Codes(payload));
        Assert.Equal(field, payload["errors"]![0]!["field"]!.GetValue<string>());
    }
}
