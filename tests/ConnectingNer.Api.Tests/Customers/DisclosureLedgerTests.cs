using ConnectingNer.GraphQL.Server.Relay;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ConnectingNer.Api.Tests.Customers;

/// <summary>The record of who saw whose personal data: one event per request per subject, readable by the customer and the privacy officer, unchangeable.</summary>
[Collection(ApiCollection.Name)]
public sealed class DisclosureLedgerTests(ApiFixture fixture) : IAsyncLifetime
{
    private Guid _meera;
    private Guid _ravi;

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        _meera = await fixture.CreateCustomerAsync("meera@example.in", "Meera Das");
        _ravi = await fixture.CreateCustomerAsync("ravi@example.in", "Ravi Bora", "+919811111111");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Id(Guid id) => GlobalId.Encode("Customer", id.ToString());

    private async Task<int> EventCountAsync()
    {
        await using var db = fixture.Database.CreateDbContext();
        return await db.AuditEvents.CountAsync();
    }

    [Fact]
    public async Task SupportReadingTwoCustomers_WritesOneEventPerSubject_WithCategoriesFieldsAndActor()
    {
        var response = await fixture.Client().As("staff-support-7", roles: "support").PostAsync($$"""
            query LookUp {
              a: customer(id: "{{Id(_meera)}}") { email name phone }
              b: customer(id: "{{Id(_meera)}}") { e2: email addresses { city } }
              c: customer(id: "{{Id(_ravi)}}") { name birthDate }
            }
            """);

        await using var db = fixture.Database.CreateDbContext();
        var events = await db.AuditEvents.OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(2, events.Count);
        var meera = events.Single(e => e.SubjectId == _meera);
        Assert.Equal(["address.postal", "contact.email", "contact.phone", "identity.name"], meera.Categories);
        Assert.Equal(["addresses", "email", "name", "phone"], meera.Fields);
        Assert.Equal("staff-support-7", meera.ActorSubject);
        Assert.Equal(["support"], meera.ActorRoles);
        Assert.Equal("customer_support", meera.Purpose);
        Assert.Equal("LookUp", meera.OperationName);
        Assert.Equal(64, meera.DocumentHash.Length);
        // Ravi's birth date was denied (support has no grant), so only his name is on record.
        Assert.Equal(["name"], events.Single(e => e.SubjectId == _ravi).Fields);
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], response.ErrorCodes);
    }

    [Fact]
    public async Task TheCustomerReadingTheirOwnData_IsNotADisclosure()
    {
        var response = await fixture.Client().As(_meera.ToString()).PostAsync("{ me { email name phone addresses { city } } }");

        response.EnsureNoErrors();
        Assert.Equal(0, await EventCountAsync());
    }

    [Fact]
    public async Task DeniedReads_AreNotRecorded_AndMaskedOnesAreMarkedMasked()
    {
        await fixture.Client().As("catalog-person", roles: "catalog_manager").PostAsync($$"""{ node(id: "{{Id(_meera)}}") { ... on Customer { email } } }""");
        await fixture.Client().As(_ravi.ToString()).PostAsync($$"""{ node(id: "{{Id(_meera)}}") { ... on Customer { email } } }""");
        var before = await EventCountAsync();

        var admin = await fixture.Client().As("staff-admin", roles: "admin").PostAsync("""{ customers(first: 5) { nodes { email } } }""");
        var list = await fixture.Client().As("staff-support-7", roles: "support").PostAsync("""{ customers(first: 5) { nodes { email phone } } }""");

        Assert.Equal(0, before);
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], admin.ErrorCodes);
        Assert.Equal(["r***@example.in", "m***@example.in"], list.EnsureNoErrors().Data!["customers"]!["nodes"]!.AsArray()
            .Select(n => n!["email"]!.GetValue<string>()));
        await using var db = fixture.Database.CreateDbContext();
        var events = await db.AuditEvents.ToListAsync();
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.True(e.Masked));
        Assert.All(events, e => Assert.Equal("customer_support", e.Purpose));
    }

    [Fact]
    public async Task CustomersSeeWhoSawTheirData_AndThePrivacyOfficerSeesEverything()
    {
        await fixture.Client().As("staff-support-7", roles: "support").PostAsync($$"""{ customer(id: "{{Id(_meera)}}") { email } }""");
        await fixture.Client().As("staff-privacy", roles: "privacy_officer").PostAsync($$"""{ customer(id: "{{Id(_ravi)}}") { birthDate } }""");

        var mine = await fixture.Client().As(_meera.ToString()).PostAsync(
            "{ myDataDisclosures(first: 10) { totalCount nodes { actorRoles purpose categories fields masked } } }");
        var all = await fixture.Client().As("staff-privacy", roles: "privacy_officer").PostAsync(
            "{ auditEvents(first: 10, order: [{ occurredAt: ASC }]) { nodes { actorSubject customerId fields } } }");
        var filtered = await fixture.Client().As("staff-privacy", roles: "privacy_officer").PostAsync(
            $$"""{ auditEvents(first: 10, customerId: "{{Id(_ravi)}}", where: { purpose: { eq: "privacy_review" } }) { nodes { fields } } }""");
        var bySupport = await fixture.Client().As("staff-support-7", roles: "support").PostAsync("{ auditEvents(first: 10) { nodes { fields } } }");

        var disclosure = mine.EnsureNoErrors().Data!["myDataDisclosures"]!;
        Assert.Equal(1, disclosure["totalCount"]!.GetValue<int>());
        Assert.Equal("support", disclosure["nodes"]![0]!["actorRoles"]![0]!.GetValue<string>());
        Assert.Equal("email", disclosure["nodes"]![0]!["fields"]![0]!.GetValue<string>());
        Assert.DoesNotContain("staff-support-7", mine.Text, StringComparison.Ordinal);
        var events = all.EnsureNoErrors().Data!["auditEvents"]!["nodes"]!.AsArray();
        Assert.Equal(["staff-support-7", "staff-privacy"], events.Select(e => e!["actorSubject"]!.GetValue<string>()));
        Assert.Equal(Id(_meera), events[0]!["customerId"]!.GetValue<string>());
        Assert.Equal("birthDate", filtered.EnsureNoErrors().Data!["auditEvents"]!["nodes"]![0]!["fields"]![0]!.GetValue<string>());
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], bySupport.ErrorCodes);
    }

    [Fact]
    public async Task AnAddressPhone_IsContactData_MaskedForSupport_AndRecordedAsContactPhone()
    {
        var response = await fixture.Client().As("staff-support-7", roles: "support").PostAsync(
            $$"""{ customer(id: "{{Id(_ravi)}}") { addresses { city phone } } }""");

        var address = response.EnsureNoErrors().Data!["customer"]!["addresses"]![0]!;
        Assert.Equal("******1111", address["phone"]!.GetValue<string>());
        Assert.Equal("Guwahati", address["city"]!.GetValue<string>());
        await using var db = fixture.Database.CreateDbContext();
        var recorded = await db.AuditEvents.SingleAsync();
        Assert.Equal(["address.postal", "contact.phone"], recorded.Categories);
        Assert.Equal(["addresses", "addresses.phone"], recorded.Fields);
        // Postal data was shown in full, so the event as a whole is not "masked only".
        Assert.False(recorded.Masked);
    }

    [Fact]
    public async Task AStaffLookupByEmail_IsRecorded_EvenWhenOnlyTheIdIsSelected()
    {
        var found = await fixture.Client().As("staff-support-7", roles: "support").PostAsync(
            """query Find { customers(email: "RAVI@example.in") { nodes { id } } }""");
        var missed = await fixture.Client().As("staff-support-7", roles: "support").PostAsync(
            """{ customers(email: "nobody@example.in") { totalCount } }""");

        Assert.Equal(Id(_ravi), found.EnsureNoErrors().Data!["customers"]!["nodes"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(0, missed.EnsureNoErrors().Data!["customers"]!["totalCount"]!.GetValue<int>());
        await using var db = fixture.Database.CreateDbContext();
        var recorded = await db.AuditEvents.SingleAsync();
        Assert.Equal(_ravi, recorded.SubjectId);
        Assert.Equal("staff-support-7", recorded.ActorSubject);
        Assert.Equal("customer_support", recorded.Purpose);
        Assert.Equal(["contact.email"], recorded.Categories);
        Assert.Equal(["looked up by email"], recorded.Fields);
        var mine = await fixture.Client().As(_ravi.ToString()).PostAsync("{ myDataDisclosures(first: 5) { nodes { actorRoles purpose fields } } }");
        var seen = mine.EnsureNoErrors().Data!["myDataDisclosures"]!["nodes"]![0]!;
        Assert.Equal("looked up by email", seen["fields"]![0]!.GetValue<string>());
        Assert.Equal("customer_support", seen["purpose"]!.GetValue<string>());
    }

    [Fact]
    public async Task AStaffListCostsTheSameSqlRoundTrips_ForTwoCustomersOrTwelve()
    {
        for (var i = 0; i < 10; i++) await fixture.CreateCustomerAsync($"c{i}@example.in", $"Customer {i}");
        const string query = "query($n: Int) { customers(first: $n) { nodes { email name phone addresses { city } externalLogins { provider } hasPassword } } }";

        fixture.Sql.Reset();
        var two = await fixture.Client().As("staff-privacy", roles: "privacy_officer").PostAsync(query, new { n = 2 });
        var forTwo = fixture.Sql.Count;
        fixture.Sql.Reset();
        var twelve = await fixture.Client().As("staff-privacy", roles: "privacy_officer").PostAsync(query, new { n = 12 });
        var forTwelve = fixture.Sql.Count;

        Assert.Equal(2, two.EnsureNoErrors().Data!["customers"]!["nodes"]!.AsArray().Count);
        Assert.Equal(12, twelve.EnsureNoErrors().Data!["customers"]!["nodes"]!.AsArray().Count);
        // The page, then accounts, logins and encrypted profiles for all its customers at once, then the ledger's insert.
        Assert.Equal(forTwo, forTwelve);
        Assert.True(forTwelve <= 6, string.Join("\n", fixture.Sql.Commands));
    }

    [Theory]
    [InlineData("UPDATE audit_events SET purpose = 'nothing to see'")]
    [InlineData("DELETE FROM audit_events")]
    [InlineData("TRUNCATE audit_events")]
    public async Task TheAuditTrail_RefusesUpdateDeleteAndTruncate_EvenToTheDatabaseOwner(string sql)
    {
        await fixture.Client().As("staff-support-7", roles: "support").PostAsync($$"""{ customer(id: "{{Id(_meera)}}") { email } }""");
        await using var connection = new NpgsqlConnection(fixture.Database.ConnectionString);
        await connection.OpenAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(async () => await new NpgsqlCommand(sql, connection).ExecuteNonQueryAsync());

        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
        Assert.Equal(1, await EventCountAsync());
    }
}
