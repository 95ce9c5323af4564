using System.Text.Json.Nodes;

namespace ConnectingNer.Api.Tests.Ordering;

/// <summary>B2B over HTTP: organisations with a checked GSTIN, invited members, bulk price breaks, and orders with a PO number and the buyer's GSTIN on the invoice.</summary>
[Collection(ApiCollection.Name)]
public sealed class OrganisationTests(ApiFixture fixture) : IAsyncLifetime
{
    private const string Gstin = "18AABCB1234M1ZS";
    private readonly Shoppers _shoppers = new(fixture);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private const string Create = """
        mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id legalName gstin billingState myRole members { role customer { name } } } errors { code field } } }
        """;

    private const string Invite = """
        mutation($input: InviteOrganisationMemberInput!) { inviteOrganisationMember(input: $input) { organisation { id } errors { code field } } }
        """;

    private const string Accept = """
        mutation($input: AcceptOrganisationInvitationInput!) { acceptOrganisationInvitation(input: $input) { organisation { myRole members { role } } errors { code } } }
        """;

    private static object Organisation(string gstin = Gstin, string state = "Assam", string pin = "781005", string name = "Brahmaputra Tea Traders LLP") => new
    {
        input = new { legalName = name, gstin, billingAddress = new { line1 = "Fancy Bazar", city = "Guwahati", state, postalCode = pin } },
    };

    private static string[] Codes(JsonNode payload) => [.. payload["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>())];

    [Theory]
    [InlineData("18AABCB1234M1ZT", "Assam", "781005", "organisation.gstin_invalid")]        // wrong check character
    [InlineData("27AABCB1234M1ZT", "Assam", "781005", "organisation.gstin_state_mismatch")] // a Maharashtra GSTIN
    [InlineData(Gstin, "Assam", "110001", "order.pin_state_mismatch")]
    [InlineData(Gstin, "Narnia", "781005", "order.state_unknown")]
    public async Task AnOrganisation_WithABadGstinOrAddress_IsRefused(string gstin, string state, string pin, string code)
    {
        var (admin, _) = await _shoppers.CreateAsync("admin@traders.in");

        var payload = (await _shoppers.As(admin).PostAsync(Create, Organisation(gstin, state, pin))).EnsureNoErrors().Data!["createOrganisation"]!;

        Assert.Equal([code], Codes(payload));
        Assert.Empty((await _shoppers.As(admin).PostAsync("{ myOrganisations { id } }")).EnsureNoErrors().Data!["myOrganisations"]!.AsArray());
    }

    [Fact]
    public async Task OrganisationMembers_AreANewPathToCustomers_WhereAFellowMembersEveryPersonalFieldIsRefused()
    {
        var admin = await fixture.CreateCustomerAsync("admin@traders.in", "Anil Admin", "+919812345678");
        var buyer = await fixture.CreateCustomerAsync("buyer@traders.in", "Bina Buyer", "+919876500000");
        var organisation = (await _shoppers.As(admin).PostAsync(Create, Organisation())).EnsureNoErrors().Data!["createOrganisation"]!["organisation"]!["id"]!.GetValue<string>();
        (await _shoppers.As(admin).PostAsync(Invite, new { input = new { organisationId = organisation, email = "buyer@traders.in", role = "BUYER" } })).EnsureNoErrors();
        (await _shoppers.As(buyer).PostAsync(Accept, new { input = new { organisationId = organisation } })).EnsureNoErrors();
        // Every classified field of Customer, as the customer authorization matrix lists them, one request each.
        var texts = new List<string>();
        foreach (var (field, _, selection) in ConnectingNer.Api.Tests.Customers.AuthorizationMatrixTests.Fields.Where(f => !f.Field.Contains('.')))
        {
            var response = await _shoppers.As(buyer).PostAsync($"{{ myOrganisations {{ members {{ role customer {{ {selection} }} }} }} }}");
            texts.Add(response.Text);
            // A list inside members inside organisations (addresses, external logins) exceeds the complexity limit:
            // refused whole, which shows no one anything either.
            if (response.ErrorCodes.SequenceEqual(["COMPLEXITY"]) && selection.Contains('{')) continue;

            Assert.True(response.Data?["myOrganisations"] is JsonArray, response.Text);
            var members = response.Data!["myOrganisations"]![0]!["members"]!.AsArray();
            // The buyer's own field answers (some are null by nature, such as a guardian's name): no refusal there.
            Assert.DoesNotContain(response.Errors ?? [], e => e!["path"]!.AsArray().Select(p => p!.ToString()).Take(4).SequenceEqual(["myOrganisations", "0", "members", "1"]));
            Assert.Null(members[0]!["customer"]![field]);     // the administrator's
            Assert.Contains(response.Errors!, e => e!["extensions"]!["code"]!.GetValue<string>() == "AUTH_NOT_AUTHORIZED"
                && e["path"]!.AsArray().Select(p => p!.ToString()).SequenceEqual(["myOrganisations", "0", "members", "0", "customer", field]));
        }

        var all = string.Join("\n", texts);
        Assert.DoesNotContain("Anil", all, StringComparison.Ordinal);
        Assert.DoesNotContain("admin@traders.in", all, StringComparison.Ordinal);
        Assert.DoesNotContain("5678", all, StringComparison.Ordinal);
        Assert.Contains("Bina Buyer", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MembersAreInvited_ThenBuyInBulk_WithTheirPoNumber_AndTheOrganisationsGstinOnTheInvoice()
    {
        var (admin, _) = await _shoppers.CreateAsync("admin@traders.in");
        var (buyer, buyerAddress) = await _shoppers.CreateAsync("buyer@traders.in");
        var (stranger, strangerAddress) = await _shoppers.CreateAsync("stranger@example.in");
        var created = (await _shoppers.As(admin).PostAsync(Create, Organisation())).EnsureNoErrors().Data!["createOrganisation"]!["organisation"]!;
        var organisation = created["id"]!.GetValue<string>();
        Assert.Equal(("ADMIN", Gstin), (created["myRole"]!.GetValue<string>(), created["gstin"]!.GetValue<string>()));
        Assert.Equal(["organisation.gstin_taken"], Codes((await _shoppers.As(stranger).PostAsync(Create, Organisation())).Data!["createOrganisation"]!));

        Assert.Equal(["organisation.not_found"], Codes((await _shoppers.As(stranger).PostAsync(Invite,
            new { input = new { organisationId = organisation, email = "x@example.in", role = "BUYER" } })).Data!["inviteOrganisationMember"]!));
        (await _shoppers.As(admin).PostAsync(Invite, new { input = new { organisationId = organisation, email = "BUYER@traders.in", role = "BUYER" } })).EnsureNoErrors();
        var invitations = (await _shoppers.As(buyer).PostAsync("{ myOrganisationInvitations { organisationId legalName role } }")).EnsureNoErrors();
        Assert.Equal("Brahmaputra Tea Traders LLP", invitations.Data!["myOrganisationInvitations"]![0]!["legalName"]!.GetValue<string>());
        Assert.Equal(["organisation.invitation_not_found"], Codes((await _shoppers.As(stranger).PostAsync(Accept, new { input = new { organisationId = organisation } })).Data!["acceptOrganisationInvitation"]!));
        var joined = (await _shoppers.As(buyer).PostAsync(Accept, new { input = new { organisationId = organisation } })).EnsureNoErrors().Data!["acceptOrganisationInvitation"]!["organisation"]!;
        Assert.Equal("BUYER", joined["myRole"]!.GetValue<string>());
        Assert.Equal(["organisation.not_admin"], Codes((await _shoppers.As(buyer).PostAsync(Invite,
            new { input = new { organisationId = organisation, email = "x@example.in", role = "ADMIN" } })).Data!["inviteOrganisationMember"]!));

        // A fellow member's details are theirs: refused like any other customer's.
        var members = await _shoppers.As(buyer).PostAsync("{ myOrganisations { members { role customer { email } } } }");
        Assert.Contains("AUTH_NOT_AUTHORIZED", members.ErrorCodes);
        Assert.DoesNotContain("admin@traders.in", members.Text, StringComparison.Ordinal);

        // Bulk prices: from 10 units of TEA-005 (₹105.00) each costs ₹90.00.
        const string Breaks = "mutation($input: SetProductPriceBreaksInput!) { setProductPriceBreaks(input: $input) { product { priceBreaks { minQuantity unitPrice { amountInPaise } } } errors { code } } }";
        var productId = CartTests.ProductId(5);
        var bad = (await fixture.Client().AsCatalogManager().PostAsync(Breaks, new { input = new { productId, breaks = new[] { new { minQuantity = 10, unitPricePaise = 20_000L } } } })).Data!["setProductPriceBreaks"]!;
        Assert.Equal(["product.price_breaks_invalid"], Codes(bad));
        var set = (await fixture.Client().AsCatalogManager().PostAsync(Breaks, new { input = new { productId, breaks = new[] { new { minQuantity = 10, unitPricePaise = 9_000L } } } }))
            .EnsureNoErrors().Data!["setProductPriceBreaks"]!["product"]!;
        Assert.Equal(10, set["priceBreaks"]![0]!["minQuantity"]!.GetValue<int>());

        var cart = await CartTests.CreateCartAsync(fixture.Client());
        var priced = await CartTests.AddAsync(fixture.Client(), cart, 5, 12);
        Assert.Equal(12 * 9_000, priced["cart"]!["total"]!["amountInPaise"]!.GetValue<long>());
        object Order(string? po, string address) => new
        {
            input = new { cartId = cart, shippingAddressId = address, paymentMethod = "CASH_ON_DELIVERY", organisationId = organisation, purchaseOrderNumber = po, idempotencyKey = Guid.NewGuid().ToString() },
        };
        Assert.Equal(["order.po_number_required"], Codes((await _shoppers.As(buyer).PostAsync(Shoppers.Place, Order(null, buyerAddress))).Data!["placeOrder"]!));
        Assert.Equal(["organisation.not_found"], Codes((await _shoppers.As(stranger).PostAsync(Shoppers.Place, Order("PO-1", strangerAddress))).Data!["placeOrder"]!));
        var order = (await _shoppers.As(buyer).PostAsync(Shoppers.Place, Order("PO-2026-0042", buyerAddress))).EnsureNoErrors().Data!["placeOrder"]!["order"]!;
        Assert.Equal("PO-2026-0042", order["purchaseOrderNumber"]!.GetValue<string>());
        Assert.Equal(Gstin, order["invoice"]!["buyerGstin"]!.GetValue<string>());
        Assert.Equal(9_000, order["lines"]![0]!["unitPrice"]!["amountInPaise"]!.GetValue<long>());
    }
}
