using System.Text.Json.Nodes;
using ConnectingNer.GraphQL.Server.Relay;

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

    /// <summary>The principals: who they are to the test host (X-Test-* headers) and what they may see of each category.</summary>
    public static readonly Dictionary<string, (string? User, string? Roles, string? Scopes)> Principals = new()
    {
        ["subject"] = ("<subject>", null, null),
        ["other-customer"] = (Guid.NewGuid().ToString(), null, null),
        ["support"] = ("staff-support", "support", null),
        ["privacy-officer"] = ("staff-privacy", "privacy_officer", null),
        ["admin"] = ("staff-admin", "admin", null),
        ["catalog-manager"] = ("staff-catalog", "catalog_manager", null),
        ["partner"] = ("catalog-feed-demo", null, "catalog:read orders:fulfil"),
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
        ("hasPassword", "account.logins", "hasPassword"),
        ("externalLogins", "account.logins", "externalLogins { provider }"),
    ];

    private static Access Expected(string principal, string category) => principal switch
    {
        "subject" or "privacy-officer" => Access.Full,
        "support" => category switch
        {
            "identity.birthdate" => Access.Denied,
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

    private static string Selection => string.Join(" ", Fields.Select(f => f.Selection));

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
        if (user is not null) client.As(user == "<subject>" ? _subject.ToString() : user, scopes, roles);
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
            var value = customer[field];
            var fieldPath = string.Join("/", objectPath.Append(field));
            switch (Expected(principal, category))
            {
                case Access.Full:
                    Assert.True(value is not null || field == "guardianName" || field == "legalAgeAffirmed", $"{principal}/{path}: {field} missing");
                    if (field == "email") Assert.Equal(Email, value!.GetValue<string>());
                    if (field == "phone") Assert.Equal(Phone, value!.GetValue<string>());
                    if (field == "name") Assert.Equal(Name, value!.GetValue<string>());
                    if (field == "addresses") Assert.Equal("781024", value![0]!["postalCode"]!.GetValue<string>());
                    Assert.DoesNotContain(ErrorPaths(response), p => p == fieldPath);
                    break;
                case Access.Masked:
                    if (field == "email") Assert.Equal("m***@example.in", value!.GetValue<string>());
                    if (field == "phone") Assert.Equal("******3210", value!.GetValue<string>());
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

    private static IEnumerable<string> ErrorPaths(GraphQLResponse response, string? code = null) =>
        (response.Errors ?? []).Where(e => code is null || e?["extensions"]?["code"]?.GetValue<string>() == code)
            .Select(e => string.Join("/", e!["path"]!.AsArray().Select(p => p!.ToString())));

    [Fact]
    public void Matrix_CoversEveryClassifiedFieldOfTheSchema()
    {
        var classified = typeof(ConnectingNer.Application.Customers.CustomerReadModel).GetProperties()
            .Count(p => p.GetCustomAttributes(typeof(ConnectingNer.Application.Common.Security.PersonalDataAttribute), false).Length > 0);

        Assert.Equal(classified, Fields.Length);
        Assert.Equal(8 * 10 * 6, Principals.Count * Fields.Length * Paths.Length);
    }
}
