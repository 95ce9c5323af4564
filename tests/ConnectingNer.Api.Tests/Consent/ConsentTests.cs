using System.Text.Json.Nodes;
using ConnectingNer.Application.Consent;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace ConnectingNer.Api.Tests.Consent;

/// <summary>
/// Consent over HTTP: purposes as data, append-only decisions bound to the policy version, signed receipts that verify
/// with the public JWKS alone, device consent and its merge on sign-in, and material policy changes.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ConsentTests(ApiFixture fixture) : IAsyncLifetime
{
    public const string ConsentFields = "purpose granted holds suspendedBecause policyVersion source recordedAt";

    public const string SetMine = $$"""
        mutation($input: SetMyConsentsInput!) { setMyConsents(input: $input) { consents { {{ConsentFields}} } policyVersion receipt errors { code field } } }
        """;

    public const string RecordDevice = $$"""
        mutation($input: RecordDeviceConsentInput!) { recordDeviceConsent(input: $input) { consents { {{ConsentFields}} } receipt errors { code field } } }
        """;

    public Task InitializeAsync() => fixture.ResetAsync(productsPerCategory: 1);

    public Task DisposeAsync() => Task.CompletedTask;

    public static object Decisions(params (string Purpose, bool Granted)[] decisions) =>
        decisions.Select(d => new { purpose = d.Purpose, granted = d.Granted }).ToArray();

    public static string[] Codes(JsonNode payload) => [.. payload["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>())];

    public static JsonNode Purpose(JsonNode consents, string purpose) => consents.AsArray().Single(c => c!["purpose"]!.GetValue<string>() == purpose)!;

    private async Task<long> RecordCountAsync()
    {
        await using var db = fixture.Database.CreateDbContext();
        return await db.ConsentRecords.LongCountAsync();
    }

    [Fact]
    public async Task ThePurposes_AreData_ThatAnyoneMayRead()
    {
        var purposes = (await fixture.Client().PostAsync("{ consentPurposes { code name description legalBasis retentionDays partners alwaysOn } }"))
            .EnsureNoErrors().Data!["consentPurposes"]!.AsArray();

        Assert.Equal(["essential", "analytics", "personalisation", "marketing.email", "marketing.sms", "marketing.whatsapp", "third_party_sharing"],
            purposes.Select(p => p!["code"]!.GetValue<string>()));
        Assert.True(purposes[0]!["alwaysOn"]!.GetValue<bool>());
        Assert.Equal("contract", purposes[0]!["legalBasis"]!.GetValue<string>());
        Assert.All(purposes.Skip(1), p => Assert.Equal("consent", p!["legalBasis"]!.GetValue<string>()));
        Assert.All(purposes, p => Assert.False(string.IsNullOrWhiteSpace(p!["description"]!.GetValue<string>())));
    }

    [Fact]
    public async Task GrantingAndWithdrawing_AreOneCallEach_AppendRecords_AndTheLatestDecisionWins()
    {
        var customer = await fixture.CreateAccountAsync("mina@example.in", null);
        var client = fixture.Client().As(customer.ToString());

        var granted = (await client.PostAsync(SetMine, new { input = new { decisions = Decisions(("analytics", true), ("marketing.email", true)), source = "BANNER" } }))
            .EnsureNoErrors().Data!["setMyConsents"]!;
        var withdrawn = (await client.PostAsync(SetMine, new { input = new { decisions = Decisions(("marketing.email", false)) } }))
            .EnsureNoErrors().Data!["setMyConsents"]!;

        Assert.Empty(Codes(granted));
        Assert.Equal("1.0", granted["policyVersion"]!.GetValue<string>());
        Assert.True(Purpose(granted["consents"]!, "marketing.email")["holds"]!.GetValue<bool>());
        Assert.False(Purpose(withdrawn["consents"]!, "marketing.email")["granted"]!.GetValue<bool>());
        Assert.True(Purpose(withdrawn["consents"]!, "analytics")["holds"]!.GetValue<bool>());
        Assert.True(Purpose(withdrawn["consents"]!, "essential")["holds"]!.GetValue<bool>());
        Assert.False(Purpose(withdrawn["consents"]!, "personalisation")["granted"]!.GetValue<bool>());

        var mine = (await client.PostAsync($"{{ myConsents {{ {ConsentFields} }} }}")).EnsureNoErrors().Data!["myConsents"]!;
        Assert.False(Purpose(mine, "marketing.email")["holds"]!.GetValue<bool>());
        Assert.Equal("ACCOUNT_SETTINGS", Purpose(mine, "marketing.email")["source"]!.GetValue<string>());
        Assert.Equal("BANNER", Purpose(mine, "analytics")["source"]!.GetValue<string>());

        var history = (await client.PostAsync("{ myConsentHistory(first: 10) { nodes { purpose granted policyVersion source fromDevice } } }"))
            .EnsureNoErrors().Data!["myConsentHistory"]!["nodes"]!.AsArray();
        Assert.Equal([("marketing.email", false), ("marketing.email", true), ("analytics", true)],
            history.Select(h => (h!["purpose"]!.GetValue<string>(), h["granted"]!.GetValue<bool>())));
        Assert.All(history, h => Assert.Equal("1.0", h!["policyVersion"]!.GetValue<string>()));
        Assert.Equal(3, await RecordCountAsync());
    }

    [Fact]
    public async Task ConsentRecords_AreAppendOnly_WhateverTheApplicationDoes()
    {
        var customer = await fixture.CreateAccountAsync("mina@example.in", null);
        (await fixture.Client().As(customer.ToString()).PostAsync(SetMine, new { input = new { decisions = Decisions(("analytics", true)) } })).EnsureNoErrors();
        await using var db = fixture.Database.CreateDbContext();

        var update = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("UPDATE consent_records SET granted = false"));
        var delete = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM consent_records"));
        var truncate = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("TRUNCATE consent_records"));

        Assert.All([update, delete, truncate], e => Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, e.SqlState));
        Assert.True(await db.ConsentRecords.SingleAsync() is { Granted: true });
    }

    [Theory]
    [InlineData("""[{"purpose":"telepathy","granted":true}]""", "consent.unknown_purpose", "decisions[0].purpose")]
    [InlineData("""[{"purpose":"analytics","granted":true},{"purpose":"essential","granted":false}]""", "consent.essential_not_withdrawable", "decisions[1].granted")]
    [InlineData("""[{"purpose":"analytics","granted":true},{"purpose":"analytics","granted":false}]""", "consent.duplicate_purpose", "decisions[1].purpose")]
    [InlineData("[]", "consent.no_decisions", "decisions")]
    public async Task BadDecisions_AreRefusedWithACode_AndNothingIsStored(string decisions, string code, string field)
    {
        var customer = await fixture.CreateAccountAsync("mina@example.in", null);

        var payload = (await fixture.Client().As(customer.ToString()).PostAsync(SetMine,
            new { input = new { decisions = JsonNode.Parse(decisions) } })).EnsureNoErrors().Data!["setMyConsents"]!;

        Assert.Equal([code], Codes(payload));
        Assert.Equal(field, payload["errors"]![0]!["field"]!.GetValue<string>());
        Assert.Null(payload["receipt"]);
        Assert.Equal(0, await RecordCountAsync());
    }

    [Fact]
    public async Task AReceipt_VerifiesWithThePublicJwksAlone_AndThroughTheApi_AndATamperedOneDoesNot()
    {
        var customer = await fixture.CreateAccountAsync("mina@example.in", null);
        var receipt = (await fixture.Client().As(customer.ToString()).PostAsync(SetMine,
            new { input = new { decisions = Decisions(("personalisation", true), ("marketing.sms", false)) } })).EnsureNoErrors()
            .Data!["setMyConsents"]!["receipt"]!.GetValue<string>();

        // Offline: only the published keys, no call to the API.
        var jwks = new JsonWebKeySet(await fixture.Client().Http.GetStringAsync("/.well-known/jwks"));
        var handler = new JsonWebTokenHandler();
        var checkedOffline = await handler.ValidateTokenAsync(receipt, new TokenValidationParameters
        {
            IssuerSigningKeys = jwks.GetSigningKeys(), ValidateIssuer = false, ValidateAudience = false, ValidateLifetime = false,
            RequireExpirationTime = false, ValidTypes = ["consent-receipt+jwt"],
        });
        Assert.True(checkedOffline.IsValid, checkedOffline.Exception?.Message);
        var token = (JsonWebToken)checkedOffline.SecurityToken;
        Assert.Equal(customer.ToString(), token.Subject);
        Assert.Equal("1.0", token.GetClaim("policy_version").Value);

        const string Verify = "query($r: String!) { verifyConsentReceipt(receipt: $r) { valid problem subjectType subject policyVersion source decisions { purpose granted } } }";
        var verified = (await fixture.Client().PostAsync(Verify, new { r = receipt })).EnsureNoErrors().Data!["verifyConsentReceipt"]!;
        Assert.True(verified["valid"]!.GetValue<bool>());
        Assert.Equal("customer", verified["subjectType"]!.GetValue<string>());
        Assert.Equal([("personalisation", true), ("marketing.sms", false)],
            verified["decisions"]!.AsArray().Select(d => (d!["purpose"]!.GetValue<string>(), d["granted"]!.GetValue<bool>())));

        // Changing one decision in the payload breaks the signature.
        var parts = receipt.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace("\"granted\":false", "\"granted\":true", StringComparison.Ordinal);
        var forged = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
        var refused = (await fixture.Client().PostAsync(Verify, new { r = forged })).EnsureNoErrors().Data!["verifyConsentReceipt"]!;
        Assert.False(refused["valid"]!.GetValue<bool>());
        Assert.Null(refused["decisions"]);
        Assert.False((await handler.ValidateTokenAsync(forged, new TokenValidationParameters
        {
            IssuerSigningKeys = jwks.GetSigningKeys(), ValidateIssuer = false, ValidateAudience = false, ValidateLifetime = false,
        })).IsValid);
        Assert.False((await fixture.Client().PostAsync(Verify, new { r = "not-a-receipt" })).EnsureNoErrors().Data!["verifyConsentReceipt"]!["valid"]!.GetValue<bool>());
    }
}
