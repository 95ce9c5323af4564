using System.Text.Json.Nodes;
using ConnectingNer.Application.Consent;
using Microsoft.EntityFrameworkCore;
using static ConnectingNer.Api.Tests.Consent.ConsentTests;

namespace ConnectingNer.Api.Tests.Consent;

/// <summary>The cookie banner without an account: device ids, Consent Mode keys, and the merge into a customer's history on sign-in.</summary>
[Collection(ApiCollection.Name)]
public sealed class DeviceConsentTests(ApiFixture fixture) : IAsyncLifetime
{
    private const string ModeState = "query($d: String!) { consentModeState(deviceId: $d) { ad_storage analytics_storage ad_user_data ad_personalization functionality_storage personalization_storage security_storage } }";

    public Task InitializeAsync() => fixture.ResetAsync(productsPerCategory: 1);

    public Task DisposeAsync() => Task.CompletedTask;

    private static object Device(string deviceId, string policyVersion, params (string, bool)[] decisions) =>
        new { input = new { deviceId, policyVersion, decisions = Decisions(decisions) } };

    [Fact]
    public async Task ABannerDecision_NeedsNoSignIn_AndConsentModeFollowsIt()
    {
        var device = Guid.NewGuid().ToString();
        var before = (await fixture.Client().PostAsync(ModeState, new { d = device })).EnsureNoErrors().Data!["consentModeState"]!;

        var payload = (await fixture.Client().PostAsync(RecordDevice, Device(device, "1.0", ("analytics", true), ("third_party_sharing", false))))
            .EnsureNoErrors().Data!["recordDeviceConsent"]!;
        var after = (await fixture.Client().PostAsync(ModeState, new { d = device })).EnsureNoErrors().Data!["consentModeState"]!;

        Assert.Empty(Codes(payload));
        Assert.NotNull(payload["receipt"]);
        Assert.Equal("BANNER", Purpose(payload["consents"]!, "analytics")["source"]!.GetValue<string>());
        // Nothing but essential storage before any decision.
        Assert.Equal("denied", before["analytics_storage"]!.GetValue<string>());
        Assert.Equal("granted", before["security_storage"]!.GetValue<string>());
        Assert.Equal("granted", after["analytics_storage"]!.GetValue<string>());
        Assert.Equal("denied", after["ad_storage"]!.GetValue<string>());
        Assert.Equal("denied", after["ad_user_data"]!.GetValue<string>());
        Assert.Equal("denied", after["personalization_storage"]!.GetValue<string>());
        Assert.Equal("granted", after["functionality_storage"]!.GetValue<string>());
        // Another device knows nothing of it.
        Assert.Equal("denied", (await fixture.Client().PostAsync(ModeState, new { d = Guid.NewGuid().ToString() })).EnsureNoErrors()
            .Data!["consentModeState"]!["analytics_storage"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("not-a-uuid", "1.0", "consent.device_id_invalid", "deviceId")]
    [InlineData("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "1.0", "consent.device_id_invalid", "deviceId")] // version 1: time and MAC, not random
    [InlineData("00000000-0000-0000-0000-000000000000", "1.0", "consent.device_id_invalid", "deviceId")]
    [InlineData("<random>", "0.9", "consent.policy_version_unknown", "policyVersion")]
    public async Task ABadDeviceIdOrPolicyVersion_IsRefused_AndNothingIsStored(string deviceId, string version, string code, string field)
    {
        var payload = (await fixture.Client().PostAsync(RecordDevice, Device(deviceId == "<random>" ? Guid.NewGuid().ToString() : deviceId, version, ("analytics", true))))
            .EnsureNoErrors().Data!["recordDeviceConsent"]!;

        Assert.Equal([code], Codes(payload));
        Assert.Equal(field, payload["errors"]![0]!["field"]!.GetValue<string>());
        await using var db = fixture.Database.CreateDbContext();
        Assert.Equal(0, await db.ConsentRecords.CountAsync());
        if (deviceId != "<random>")
            Assert.Equal(["consent.device_id_invalid"], (await fixture.Client().PostAsync(ModeState, new { d = deviceId })).ErrorCodes);
    }

    [Fact]
    public async Task SigningIn_MergesTheDevicesDecisions_NewerWins_AndBothStayOnRecord()
    {
        var customer = await fixture.CreateAccountAsync("mina@example.in", null);
        var client = fixture.Client().As(customer.ToString());
        // The customer's own older decisions: personalisation granted, analytics withdrawn.
        (await client.PostAsync(SetMine, new { input = new { decisions = Decisions(("personalisation", true), ("analytics", false)) } })).EnsureNoErrors();
        var device = Guid.NewGuid().ToString();
        // Later, on a new device before signing in: analytics granted.
        (await fixture.Client().PostAsync(RecordDevice, Device(device, "1.0", ("analytics", true)))).EnsureNoErrors();
        // And then the customer withdraws personalisation on their account: newer than anything on the device.
        (await client.PostAsync(SetMine, new { input = new { decisions = Decisions(("personalisation", false)) } })).EnsureNoErrors();

        const string Merge = "mutation($input: MergeDeviceConsentInput!) { mergeDeviceConsent(input: $input) { consents { purpose granted source } receipt errors { code } } }";
        var merged = (await client.PostAsync(Merge, new { input = new { deviceId = device } })).EnsureNoErrors().Data!["mergeDeviceConsent"]!;
        var again = (await client.PostAsync(Merge, new { input = new { deviceId = device } })).EnsureNoErrors().Data!["mergeDeviceConsent"]!;

        Assert.Empty(Codes(merged));
        Assert.True(Purpose(merged["consents"]!, "analytics")["granted"]!.GetValue<bool>());
        Assert.Equal("BANNER", Purpose(merged["consents"]!, "analytics")["source"]!.GetValue<string>());
        Assert.False(Purpose(merged["consents"]!, "personalisation")["granted"]!.GetValue<bool>());
        Assert.NotNull(merged["receipt"]);
        Assert.Null(again["receipt"]); // nothing newer to merge the second time
        var history = (await client.PostAsync("{ myConsentHistory(first: 10) { nodes { purpose granted fromDevice } } }"))
            .EnsureNoErrors().Data!["myConsentHistory"]!["nodes"]!.AsArray();
        Assert.Equal(4, history.Count);
        Assert.True(history[0]!["fromDevice"]!.GetValue<bool>());
        await using var db = fixture.Database.CreateDbContext();
        Assert.Equal(1, await db.ConsentRecords.CountAsync(r => r.CustomerId == null)); // the device's own record stays

        var unknown = (await client.PostAsync(Merge, new { input = new { deviceId = Guid.NewGuid().ToString() } })).EnsureNoErrors().Data!["mergeDeviceConsent"]!;
        Assert.Equal(["consent.device_unknown"], Codes(unknown));
    }
}
