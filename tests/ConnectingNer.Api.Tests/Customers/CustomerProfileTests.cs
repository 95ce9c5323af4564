using System.Text.Json.Nodes;
using ConnectingNer.GraphQL.Server.Relay;

namespace ConnectingNer.Api.Tests.Customers;

/// <summary>The customer's own profile and addresses over GraphQL: what is kept, what is refused, and that refusals write nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class CustomerProfileTests(ApiFixture fixture) : IAsyncLifetime
{
    private Guid _me;

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        _me = await fixture.CreateAccountAsync("tara@example.in", "tara-password-1");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private GraphQLClient Me() => fixture.Client().As(_me.ToString());

    private const string Profile = "{ me { name phone birthDate legalAgeAffirmed guardianName addresses { id kind recipientName line1 city postalCode countryCode phone isDefault } } }";

    private const string UpdateProfile = """
        mutation($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) { customer { name phone birthDate guardianName } errors { code field } } }
        """;

    private const string AddAddress = """
        mutation($input: AddMyAddressInput!) { addMyAddress(input: $input) { customer { addresses { id kind city isDefault } } errors { code field } } }
        """;

    private static object Address(string kind = "SHIPPING", string postalCode = "781001", string country = "IN", string? phone = null,
        bool? isDefault = null, string line1 = "House 4, Pan Bazar", string? key = null) => new
    {
        input = new
        {
            kind, recipientName = "Tara Kalita", line1, city = "Guwahati", state = "Assam", postalCode, countryCode = country, phone,
            isDefault, idempotencyKey = key,
        },
    };

    private async Task<JsonNode> ProfileAsync() => (await Me().PostAsync(Profile)).EnsureNoErrors().Data!["me"]!;

    [Fact]
    public async Task Me_CostsTwoRoundTrips_TheAccountsCheck_AndOneReadOfProfileKeyAndLogins()
    {
        var id = await fixture.CreateCustomerAsync("one.trip@example.in", "Ila Bora");
        var client = fixture.Client().As(id.ToString());

        fixture.Sql.Reset();
        var me = (await client.PostAsync("{ me { name email emailConfirmed phone addresses { city } externalLogins { provider } } }")).EnsureNoErrors();

        Assert.Equal("Ila Bora", me.Data!["me"]!["name"]!.GetValue<string>());
        Assert.True(fixture.Sql.Count == 2, string.Join("\n---\n", fixture.Sql.Commands));
    }

    [Fact]
    public async Task UpdateMyProfile_KeepsNamePhoneAndBirthDate_InE164()
    {
        var response = await Me().PostAsync(UpdateProfile, new { input = new { name = "Tara Kalita", phone = "+91 98640 12345", birthDate = "1994-08-15" } });

        var customer = response.EnsureNoErrors().Data!["updateMyProfile"]!["customer"]!;
        Assert.Equal("Tara Kalita", customer["name"]!.GetValue<string>());
        Assert.Equal("+919864012345", customer["phone"]!.GetValue<string>());
        Assert.Equal("1994-08-15", customer["birthDate"]!.GetValue<string>());
        Assert.Equal("+919864012345", (await ProfileAsync())["phone"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("+91 12345 67890", "customer.phone_invalid")]   // Indian mobiles start with 6-9
    [InlineData("+91 98640 1234", "customer.phone_invalid")]    // nine digits
    [InlineData("9864012345", "customer.phone_invalid")]        // no country code
    [InlineData("+1 415 555 0123", null)]                       // international numbers are welcome
    public async Task UpdateMyProfile_ChecksPhoneNumbers(string phone, string? code)
    {
        var response = await Me().PostAsync(UpdateProfile, new { input = new { phone } });

        var errors = response.EnsureNoErrors().Data!["updateMyProfile"]!["errors"]!.AsArray();
        if (code is null)
        {
            Assert.Empty(errors);
            return;
        }

        Assert.Equal(code, errors[0]!["code"]!.GetValue<string>());
        Assert.Equal("phone", errors[0]!["field"]!.GetValue<string>());
        Assert.Null((await ProfileAsync())["phone"]);
    }

    [Fact]
    public async Task UpdateMyProfile_WithAnOverlongName_ChangesNothing()
    {
        await Me().PostAsync(UpdateProfile, new { input = new { name = "Tara" } });

        var response = await Me().PostAsync(UpdateProfile, new { input = new { name = new string('x', 101), phone = "+919864012345" } });

        Assert.Equal("customer.name_too_long", response.Data!["updateMyProfile"]!["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("Tara", (await ProfileAsync())["name"]!.GetValue<string>());
        Assert.Null((await ProfileAsync())["phone"]);
    }

    [Fact]
    public async Task AMinor_NeedsAGuardiansConsent_WhichIsRecorded()
    {
        var birthDate = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-15).ToString("yyyy-MM-dd");

        var refused = await Me().PostAsync(UpdateProfile, new { input = new { birthDate } });
        var accepted = await Me().PostAsync(UpdateProfile, new { input = new { birthDate, guardianName = "Anima Kalita" } });

        Assert.Equal("customer.under_age", refused.Data!["updateMyProfile"]!["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("Anima Kalita", accepted.Data!["updateMyProfile"]!["customer"]!["guardianName"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("78100", "IN", "address.postal_code_invalid", "postalCode")]
    [InlineData("081001", "IN", "address.postal_code_invalid", "postalCode")]
    [InlineData("781001", "XX", "address.country_unknown", "countryCode")]
    [InlineData("SW1A 1AA", "GB", null, null)]
    public async Task AddMyAddress_ChecksCountryAndPostalCode_AndWritesNothingWhenWrong(string postalCode, string country, string? code, string? field)
    {
        var response = await Me().PostAsync(AddAddress, Address(postalCode: postalCode, country: country));

        var errors = response.EnsureNoErrors().Data!["addMyAddress"]!["errors"]!.AsArray();
        if (code is null)
        {
            Assert.Empty(errors);
            return;
        }

        Assert.Equal(code, errors[0]!["code"]!.GetValue<string>());
        Assert.Equal(field, errors[0]!["field"]!.GetValue<string>());
        Assert.Empty((await ProfileAsync())["addresses"]!.AsArray());
    }

    [Fact]
    public async Task AddMyAddress_WithOverlongLineAndBadPhone_ReportsBothFields()
    {
        var response = await Me().PostAsync(AddAddress, Address(line1: new string('a', 201), phone: "12345"));

        var fields = response.Data!["addMyAddress"]!["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).Order();
        Assert.Equal(["line1", "phone"], fields);
    }

    [Fact]
    public async Task Addresses_KeepOneDefaultPerKind()
    {
        await Me().PostAsync(AddAddress, Address(postalCode: "781001"));
        await Me().PostAsync(AddAddress, Address(postalCode: "781005", isDefault: true));
        await Me().PostAsync(AddAddress, Address(kind: "BILLING", postalCode: "781006"));
        var addresses = (await ProfileAsync())["addresses"]!.AsArray();

        var removed = await Me().PostAsync("mutation($id: ID!) { removeMyAddress(input: { id: $id }) { customer { addresses { postalCode isDefault } } errors { code } } }",
            new { id = addresses[1]!["id"]!.GetValue<string>() });

        Assert.Equal([false, true, true], addresses.Select(a => a!["isDefault"]!.GetValue<bool>()));
        var left = removed.EnsureNoErrors().Data!["removeMyAddress"]!["customer"]!["addresses"]!.AsArray();
        Assert.Equal(["781001", "781006"], left.Select(a => a!["postalCode"]!.GetValue<string>()));
        Assert.True(left[0]!["isDefault"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AddMyAddress_RetriedWithItsKey_AddsOneAddress()
    {
        await Me().PostAsync(AddAddress, Address(key: "addr-1"));
        await Me().PostAsync(AddAddress, Address(key: "addr-1"));

        Assert.Single((await ProfileAsync())["addresses"]!.AsArray());
    }

    [Fact]
    public async Task AnotherCustomersAddressId_IsNotFound_AndTheirAddressIsUntouched()
    {
        var other = await fixture.CreateCustomerAsync("other@example.in", "Other Person");
        var theirs = (await fixture.Client().As(other.ToString()).PostAsync("{ me { addresses { id postalCode } } }")).Data!["me"]!["addresses"]![0]!;

        var update = await Me().PostAsync("""
            mutation($id: ID!) { updateMyAddress(input: { id: $id, kind: SHIPPING, recipientName: "Mallory", line1: "x", city: "y", state: "z",
              postalCode: "110001", countryCode: "IN" }) { errors { code field } } }
            """, new { id = theirs["id"]!.GetValue<string>() });
        var remove = await Me().PostAsync("mutation($id: ID!) { removeMyAddress(input: { id: $id }) { errors { code } } }",
            new { id = theirs["id"]!.GetValue<string>() });

        Assert.Equal("customer.address_not_found", update.Data!["updateMyAddress"]!["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("customer.address_not_found", remove.Data!["removeMyAddress"]!["errors"]![0]!["code"]!.GetValue<string>());
        var after = (await fixture.Client().As(other.ToString()).PostAsync("{ me { addresses { postalCode } } }")).Data!["me"]!["addresses"]![0]!;
        Assert.Equal(theirs["postalCode"]!.GetValue<string>(), after["postalCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnotherCustomersId_LooksExactlyLikeAnIdThatDoesNotExist()
    {
        var other = await fixture.CreateCustomerAsync("other@example.in", "Other Person");

        var existing = await Me().PostAsync($$"""{ node(id: "{{GlobalId.Encode("Customer", other.ToString())}}") { id } }""");
        var missing = await Me().PostAsync($$"""{ node(id: "{{GlobalId.Encode("Customer", Guid.NewGuid().ToString())}}") { id } }""");
        var lookup = await Me().PostAsync($$"""{ customer(id: "{{GlobalId.Encode("Customer", other.ToString())}}") { id } }""");

        Assert.Equal(missing.Text, existing.Text);
        Assert.Equal(["NOT_FOUND"], existing.ErrorCodes);
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], lookup.ErrorCodes);
    }

    [Fact]
    public async Task ProfileMutations_NeedASignedInCustomer()
    {
        var response = await fixture.Client().PostAsync(UpdateProfile, new { input = new { name = "Nobody" } });

        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], response.ErrorCodes);
    }
}
