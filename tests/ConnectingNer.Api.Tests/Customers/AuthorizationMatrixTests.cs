using System.Text.Json.Nodes;
using ConnectingNer.GraphQL.Server.Relay;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.Api.Tests.Customers;

/// <summary>
/// Who sees what of a customer, exhaustively: every principal × every classified field × every way of reaching a
/// customer. Each cell is asserted: the value, a masked value, or null with AUTH_NOT_AUTHORIZED at the field's path.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AuthorizationMatrixTests(ApiFixture fixture) : IAsyncLifetime
{
    private const string Email = "meera.das@example.in";
    private const string Name = "Meera Das";
    private const string Phone = "+919876543210";
    private static Guid _subject;
    private static Task? _setup;

    // The cells only read (their audit events do not change what the next cell sees), so the data is made once
    // for the class: the collection runs one class at a time.
    public Task InitializeAsync() => _setup ??= SetUpAsync();

    private async Task SetUpAsync()
    {
        await fixture.ResetAsync();
        _subject = await fixture.CreateCustomerAsync(Email, Name, Phone);
        await fixture.CreateCustomerAsync("other@example.in", "Other Person", "+919812345678");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public enum Access { Full, Masked, Denied }

    private const string PartnerToken = "<partner-token>";
    private static Task<string>? _partnerToken;

    /// <summary>The principals: who they are to the test host (X-Test-* headers) and what they may see of each category.</summary>
    public static readonly Dictionary<string, (string? User, string? Roles, string? Scopes)> Principals = new()
    {
        ["subject"] = ("<subject>", null, null),
        ["other-customer"] = (Guid.NewGuid().ToString(), null, null),
        ["support"] = ("staff-support", "support", null),
        ["privacy-officer"] = ("staff-privacy", "privacy_officer", null),
        ["admin"] = ("staff-admin", "admin", null),
        ["catalog-manager"] = ("staff-catalog", "catalog_manager", null),
        // A real client-credentials token from the token endpoint, validated as in production.
        ["partner"] = (PartnerToken, null, null),
        ["anonymous"] = (null, null, null),
    };

    /// <summary>Every classified field of Customer: its category and how to read the expected full and masked value.</summary>
    public static readonly (string Field, string Category, string Selection)[] Fields =
    [
        ("email", "contact.email", "email"),
        ("emailConfirmed", "contact.email", "emailConfirmed"),
        ("name", "identity.name", "name"),
        ("phone", "contact.phone", "phone"),
        ("birthDate", "identity.birthdate", "birthDate"),
        ("legalAgeAffirmed", "identity.birthdate", "legalAgeAffirmed"),
        ("guardianName", "identity.birthdate", "guardianName"),
        ("addresses", "address.postal", "addresses { postalCode }"),
        ("addresses.recipientName", "address.postal", "addresses { recipientName }"),
        ("addresses.line1", "address.postal", "addresses { line1 }"),
        ("addresses.line2", "address.postal", "addresses { line2 }"),
        ("addresses.city", "address.postal", "addresses { city }"),
        ("addresses.state", "address.postal", "addresses { state }"),
        ("addresses.postalCode", "address.postal", "addresses { postalCode }"),
        ("addresses.countryCode", "address.postal", "addresses { countryCode }"),
        // The courier's phone on an address is contact data, masked for support exactly like the customer's phone.
        ("addresses.phone", "contact.phone", "addresses { phone }"),
        ("hasPassword", "account.logins", "hasPassword"),
        ("externalLogins", "account.logins", "externalLogins { provider }"),
        ("consents", "consent", "consents { purpose granted }"),
        ("consentReviewRequired", "consent", "consentReviewRequired"),
    ];

    private static Access Expected(string principal, string category) => principal switch
    {
        "subject" or "privacy-officer" => Access.Full,
        "support" => category switch
        {
            "identity.birthdate" or "consent" => Access.Denied,
            "contact.email" or "contact.phone" => Access.Masked,
            _ => Access.Full,
        },
        _ => Access.Denied,
    };

    /// <summary>The ways to reach a customer; each names who may reach it at all and the path to the customer object.</summary>
    public static readonly string[] Paths = ["customer", "node", "nodes", "customers", "me", "fragments"];

    private static bool Reaches(string principal, string path) => path switch
    {
        "me" => principal == "subject",
        "node" or "nodes" => principal is "subject" or "support" or "privacy-officer",
        _ => principal is "support" or "privacy-officer",
    };

    /// <summary>Every field once; the fields below <c>addresses</c> in one selection of it (as a client writes it).</summary>
    private static string Selection => string.Join(" ", Fields.Where(f => !f.Field.Contains('.')).Select(f => f.Field == "addresses"
        ? "addresses { " + string.Join(" ", Fields.Where(n => n.Field.StartsWith("addresses.", StringComparison.Ordinal)).Select(n => n.Field["addresses.".Length..])) + " }"
        : f.Selection));

    private static (string Query, string[] Path) Document(string path, string id) => path switch
    {
        "customer" => ($$"""{ customer(id: "{{id}}") { {{Selection}} } }""", ["customer"]),
        "node" => ($$"""{ node(id: "{{id}}") { ... on Customer { {{Selection}} } } }""", ["node"]),
        "nodes" => ($$"""{ nodes(ids: ["{{id}}"]) { ... on Customer { {{Selection}} } } }""", ["nodes", "0"]),
        "customers" => ($$"""{ customers(email: "{{Email.ToUpperInvariant()}}", first: 5) { nodes { {{Selection}} } } }""", ["customers", "nodes", "0"]),
        "me" => ($$"""{ me { {{Selection}} } }""", ["me"]),
        // Aliases, a named fragment, an inline fragment and @include: none of them changes what is allowed.
        "fragments" => ($$"""
            query($yes: Boolean = true) { c: customer(id: "{{id}}") { ...F ... on Customer { x: email @include(if: $yes) } } }
            fragment F on Customer { {{Selection}} }
            """, ["c"]),
        _ => throw new ArgumentOutOfRangeException(nameof(path)),
    };

    public static IEnumerable<object[]> Cells() =>
        from principal in Principals.Keys from path in Paths select new object[] { principal, path };

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task EachPrincipal_OnEachPath_SeesExactlyWhatItsGrantsAllow(string principal, string path)
    {
        var (user, roles, scopes) = Principals[principal];
        var client = fixture.Client();
        if (user == PartnerToken)
            client.Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
                await (_partnerToken ??= fixture.PartnerTokenAsync(TestClients.LogisticsId, TestClients.LogisticsSecret, "catalog:read orders:fulfil")));
        else if (user is not null) client.As(user == "<subject>" ? _subject.ToString() : user, scopes, roles);
        var (query, objectPath) = Document(path, GlobalId.Encode("Customer", _subject.ToString()));

        var response = await client.PostAsync(query);

        JsonNode? customer = response.Data;
        foreach (var segment in objectPath) customer = customer is JsonArray array ? array[int.Parse(segment)] : customer?[segment];
        if (!Reaches(principal, path))
        {
            Assert.Null(customer);
            // `me` is simply null for a signed-in caller who is not a customer (staff, partners).
            if (path == "me" && user is not null) return;
            Assert.NotEmpty(response.ErrorCodes);
            Assert.All(response.ErrorCodes, code => Assert.Contains(code, (string[])["AUTH_NOT_AUTHORIZED", "AUTH_NOT_AUTHENTICATED", "NOT_FOUND"]));
            return;
        }

        Assert.NotNull(customer);
        foreach (var (field, category, _) in Fields)
        {
            // A field below `addresses` is reached only when the addresses are: its expected access is the lesser of both.
            var parent = field.Contains('.') ? field[..field.IndexOf('.')] : null;
            var expected = Expected(principal, category);
            if (parent is not null && Expected(principal, Category(parent)) == Access.Denied)
            {
                Assert.Null(customer[parent]);
                continue;
            }

            var value = parent is null ? customer[field] : customer[parent]![0]![field[(parent.Length + 1)..]];
            var fieldPath = string.Join("/", objectPath.Append(parent is null ? field : $"{parent}/0/{field[(parent.Length + 1)..]}"));
            switch (expected)
            {
                case Access.Full:
                    Assert.True(value is not null || field is "guardianName" or "legalAgeAffirmed" or "addresses.line2", $"{principal}/{path}: {field} missing");
                    if (field is "email") Assert.Equal(Email, value!.GetValue<string>());
                    if (field is "phone" or "addresses.phone") Assert.Equal(Phone, value!.GetValue<string>());
                    if (field is "name" or "addresses.recipientName") Assert.Equal(Name, value!.GetValue<string>());
                    if (field == "addresses") Assert.Equal("781024", value![0]!["postalCode"]!.GetValue<string>());
                    Assert.DoesNotContain(ErrorPaths(response), p => p == fieldPath);
                    break;
                case Access.Masked:
                    if (field == "email") Assert.Equal("m***@example.in", value!.GetValue<string>());
                    if (field is "phone" or "addresses.phone") Assert.Equal("******3210", value!.GetValue<string>());
                    Assert.DoesNotContain(ErrorPaths(response), p => p == fieldPath);
                    break;
                case Access.Denied:
                    Assert.Null(value);
                    Assert.Contains(ErrorPaths(response, "AUTH_NOT_AUTHORIZED"), p => p == fieldPath);
                    break;
            }
        }

        if (path == "fragments")
            Assert.Equal(Expected(principal, "contact.email") switch { Access.Full => Email, Access.Masked => "m***@example.in", _ => null },
                customer["x"]?.GetValue<string>());
    }

    private static string Category(string field) => Fields.Single(f => f.Field == field).Category;

    private static IEnumerable<string> ErrorPaths(GraphQLResponse response, string? code = null) =>
        (response.Errors ?? []).Where(e => code is null || e?["extensions"]?["code"]?.GetValue<string>() == code)
            .Select(e => string.Join("/", e!["path"]!.AsArray().Select(p => p!.ToString())));

    /// <summary>The schema's type for each object the matrix reaches: a customer, and an address below it.</summary>
    private static readonly Dictionary<string, string> Reached = new() { [""] = "Customer", ["addresses"] = "Address" };

    [Fact]
    public void Matrix_CoversEveryClassifiedFieldOfTheSchema()
    {
        var schema = fixture.Factory.Services.GetRequiredService<ConnectingNer.GraphQL.AppSchema>();
        schema.Initialize();
        var classified = Reached.Values.SelectMany(typeName => ((global::GraphQL.Types.IComplexGraphType)schema.AllTypes[typeName]!).Fields
                .Where(f => f.GetPolicies()?.Any(p => p.StartsWith("pii:", StringComparison.Ordinal)) == true)
                .Select(f => $"{typeName}.{f.Name}"))
            .Order(StringComparer.Ordinal).ToList();
        var covered = Fields.Select(f => f.Field.Contains('.')
                ? $"{Reached[f.Field[..f.Field.IndexOf('.')]]}.{f.Field[(f.Field.IndexOf('.') + 1)..]}"
                : $"{Reached[""]}.{f.Field}")
            .Order(StringComparer.Ordinal).ToList();

        // A classified field the matrix does not exercise (or a matrix row the schema no longer has) fails here.
        Assert.Equal(classified, covered);
    }
}
