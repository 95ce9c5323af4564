using System.Text.Json.Nodes;
using static ConnectingNer.Api.Tests.Consent.ConsentTests;

namespace ConnectingNer.Api.Tests.Consent;

/// <summary>Publishing policy versions: a material change suspends older consents until the person accepts the new policy.</summary>
[Collection(ApiCollection.Name)]
public sealed class PolicyVersionTests(ApiFixture fixture) : IAsyncLifetime
{
    private const string Publish = """
        mutation($input: PublishPrivacyPolicyInput!) { publishPrivacyPolicy(input: $input) { privacyPolicy { version material publishedAt } errors { code field } } }
        """;

    private const string Accept = $$"""
        mutation($v: String!) { acceptPrivacyPolicy(version: $v) { consents { {{ConsentFields}} } policyVersion receipt errors { code field } } }
        """;

    public Task InitializeAsync() => fixture.ResetAsync(productsPerCategory: 1);

    public Task DisposeAsync() => Task.CompletedTask;

    private GraphQLClient Officer() => fixture.Client().As("staff-privacy", roles: "privacy_officer");

    private static object Version(string version, bool material) =>
        new { input = new { version, text = $"Privacy policy {version}: we now also send offers on WhatsApp.", summary = "WhatsApp offers.", material } };

    [Fact]
    public async Task TheFirstPolicy_IsPublished_ForEveryone()
    {
        var response = (await fixture.Client().PostAsync("{ privacyPolicy { version text material publishedAt } privacyPolicyVersions { version } }")).EnsureNoErrors();

        Assert.Equal("1.0", response.Data!["privacyPolicy"]!["version"]!.GetValue<string>());
        Assert.StartsWith("Privacy Policy", response.Data!["privacyPolicy"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(response.Data!["privacyPolicyVersions"]!.AsArray());
    }

    [Fact]
    public async Task AMaterialChange_SuspendsOlderConsents_UntilTheCustomerAcceptsTheNewPolicy()
    {
        var customer = await fixture.CreateAccountAsync("mina@example.in", null);
        var client = fixture.Client().As(customer.ToString());
        (await client.PostAsync(SetMine, new { input = new { decisions = Decisions(("marketing.email", true), ("analytics", true), ("marketing.sms", false)) } })).EnsureNoErrors();

        var published = (await Officer().PostAsync(Publish, Version("2.0", material: true))).EnsureNoErrors().Data!["publishPrivacyPolicy"]!;
        var during = (await client.PostAsync($"{{ me {{ consentReviewRequired }} myConsents {{ {ConsentFields} }} privacyPolicy {{ version }} }}")).EnsureNoErrors().Data!;

        Assert.Empty(Codes(published));
        Assert.Equal("2.0", during["privacyPolicy"]!["version"]!.GetValue<string>());
        Assert.True(during["me"]!["consentReviewRequired"]!.GetValue<bool>());
        var email = Purpose(during["myConsents"]!, "marketing.email");
        Assert.True(email["granted"]!.GetValue<bool>());
        Assert.False(email["holds"]!.GetValue<bool>());
        Assert.Equal("POLICY_REVIEW_REQUIRED", email["suspendedBecause"]!.GetValue<string>());
        Assert.Null(Purpose(during["myConsents"]!, "marketing.sms")["suspendedBecause"]); // withdrawn stays withdrawn

        var old = (await client.PostAsync(Accept, new { v = "1.0" })).EnsureNoErrors().Data!["acceptPrivacyPolicy"]!;
        var unknown = (await client.PostAsync(Accept, new { v = "7.0" })).EnsureNoErrors().Data!["acceptPrivacyPolicy"]!;
        var accepted = (await client.PostAsync(Accept, new { v = "2.0" })).EnsureNoErrors().Data!["acceptPrivacyPolicy"]!;
        var after = (await client.PostAsync($"{{ me {{ consentReviewRequired }} myConsents {{ {ConsentFields} }} }}")).EnsureNoErrors().Data!;

        Assert.Equal(["consent.policy_version_not_current"], Codes(old));
        Assert.Equal(["consent.policy_version_unknown"], Codes(unknown));
        Assert.Empty(Codes(accepted));
        Assert.False(after["me"]!["consentReviewRequired"]!.GetValue<bool>());
        Assert.True(Purpose(after["myConsents"]!, "marketing.email")["holds"]!.GetValue<bool>());
        Assert.Equal("2.0", Purpose(after["myConsents"]!, "marketing.email")["policyVersion"]!.GetValue<string>());
        Assert.True(Purpose(after["myConsents"]!, "analytics")["holds"]!.GetValue<bool>());
        Assert.False(Purpose(after["myConsents"]!, "marketing.sms")["granted"]!.GetValue<bool>()); // accepting grants nothing new
    }

    [Fact]
    public async Task ANonMaterialChange_LeavesConsentsHolding()
    {
        var customer = await fixture.CreateAccountAsync("mina@example.in", null);
        var client = fixture.Client().As(customer.ToString());
        (await client.PostAsync(SetMine, new { input = new { decisions = Decisions(("marketing.email", true)) } })).EnsureNoErrors();

        (await Officer().PostAsync(Publish, Version("1.1", material: false))).EnsureNoErrors();
        var after = (await client.PostAsync($"{{ me {{ consentReviewRequired }} myConsents {{ {ConsentFields} }} }}")).EnsureNoErrors().Data!;

        Assert.False(after["me"]!["consentReviewRequired"]!.GetValue<bool>());
        Assert.True(Purpose(after["myConsents"]!, "marketing.email")["holds"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("1.0", "policy.version_taken", "version")]
    [InlineData("two point oh", "policy.version_invalid", "version")]
    [InlineData("", "policy.version_invalid", "version")]
    public async Task ABadVersion_IsRefused(string version, string code, string field)
    {
        var payload = (await Officer().PostAsync(Publish, Version(version, material: true))).EnsureNoErrors().Data!["publishPrivacyPolicy"]!;

        Assert.Equal([code], Codes(payload));
        Assert.Equal(field, payload["errors"]![0]!["field"]!.GetValue<string>());
        Assert.Single((await fixture.Client().PostAsync("{ privacyPolicyVersions { version } }")).EnsureNoErrors().Data!["privacyPolicyVersions"]!.AsArray());
    }

    [Theory]
    [InlineData("customer")]
    [InlineData("support")]
    [InlineData("anonymous")]
    public async Task OnlyThePrivacyOfficer_Publishes(string who)
    {
        var client = who switch
        {
            "customer" => fixture.Client().As((await fixture.CreateAccountAsync("mina@example.in", null)).ToString()),
            "support" => fixture.Client().As("staff-support", roles: "support"),
            _ => fixture.Client(),
        };

        var response = await client.PostAsync(Publish, Version("2.0", material: true));

        Assert.Null(response.Data?["publishPrivacyPolicy"]);
        Assert.Contains(response.ErrorCodes.Single(), (string[])["AUTH_NOT_AUTHORIZED", "AUTH_NOT_AUTHENTICATED"]);
        Assert.Single((await fixture.Client().PostAsync("{ privacyPolicyVersions { version } }")).EnsureNoErrors().Data!["privacyPolicyVersions"]!.AsArray());
    }

    [Fact]
    public async Task AListOfCustomersWithTheirConsent_CostsTheSameStatements_ForTwoCustomersAndForSix()
    {
        const string List = "{ customers(first: 10) { nodes { consents { purpose holds } consentReviewRequired } } }";
        async Task<int> StatementsAsync()
        {
            (await Officer().PostAsync(List)).EnsureNoErrors(); // warm: the officer's token and plans
            fixture.Sql.Reset();
            var nodes = (await Officer().PostAsync(List)).EnsureNoErrors().Data!["customers"]!["nodes"]!.AsArray();
            Assert.All(nodes, n => Assert.NotNull(n!["consents"]));
            return fixture.Sql.Count;
        }

        foreach (var i in Enumerable.Range(0, 2))
        {
            var customer = await fixture.CreateAccountAsync($"c{i}@example.in", null);
            (await fixture.Client().As(customer.ToString()).PostAsync(SetMine, new { input = new { decisions = Decisions(("analytics", true)) } })).EnsureNoErrors();
        }

        var two = await StatementsAsync();
        foreach (var i in Enumerable.Range(2, 4)) await fixture.CreateAccountAsync($"c{i}@example.in", null);
        var six = await StatementsAsync();

        Assert.Equal(two, six);
    }

    [Fact]
    public async Task AsPersonalData_ConsentIsReadByThePrivacyOfficer_AndTheReadIsADisclosure_WhileSupportIsRefused()
    {
        var customer = await fixture.CreateAccountAsync("mina@example.in", null);
        (await fixture.Client().As(customer.ToString()).PostAsync(SetMine, new { input = new { decisions = Decisions(("analytics", true)) } })).EnsureNoErrors();
        var id = ConnectingNer.GraphQL.Server.Relay.GlobalId.Encode("Customer", customer.ToString());
        var query = $$"""{ customer(id: "{{id}}") { consents { purpose granted } consentReviewRequired } }""";

        var officer = (await Officer().PostAsync(query)).EnsureNoErrors().Data!["customer"]!;
        var support = await fixture.Client().As("staff-support", roles: "support").PostAsync(query);
        var disclosures = (await fixture.Client().As(customer.ToString()).PostAsync("{ myDataDisclosures(first: 5) { nodes { categories fields purpose } } }"))
            .EnsureNoErrors().Data!["myDataDisclosures"]!["nodes"]!.AsArray();

        Assert.True(Purpose(officer["consents"]!, "analytics")["granted"]!.GetValue<bool>());
        Assert.Null(support.Data!["customer"]!["consents"]);
        Assert.Equal(["AUTH_NOT_AUTHORIZED", "AUTH_NOT_AUTHORIZED"], support.ErrorCodes);
        var disclosure = Assert.Single(disclosures);
        Assert.Equal(["consent"], disclosure!["categories"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(["consentReviewRequired", "consents"], disclosure["fields"]!.AsArray().Select(c => c!.GetValue<string>()).Order());
        Assert.Equal("privacy_review", disclosure["purpose"]!.GetValue<string>());
    }
}
