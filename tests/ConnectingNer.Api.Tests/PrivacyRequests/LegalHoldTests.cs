using ConnectingNer.GraphQL.Server.Relay;

namespace ConnectingNer.Api.Tests.PrivacyRequests;

/// <summary>Legal holds: only the privacy officer places and releases them, with a reason, on a customer who exists.</summary>
[Collection(ApiCollection.Name)]
public sealed class LegalHoldTests(ApiFixture fixture) : IAsyncLifetime
{
    private const string Place = "mutation($c: ID!, $r: String!) { placeLegalHold(customerId: $c, reason: $r) { legalHold { id reason releasedAt } errors { code field } } }";
    private const string Release = "mutation($h: ID!) { releaseLegalHold(holdId: $h) { legalHold { releasedAt } errors { code } } }";

    public Task InitializeAsync() => fixture.ResetAsync(productsPerCategory: 1);

    public Task DisposeAsync() => Task.CompletedTask;

    private GraphQLClient Officer() => fixture.Client().As("staff-privacy", roles: "privacy_officer");

    [Fact]
    public async Task AHold_IsPlacedWithAReason_ReleasedOnce_AndRefusedToEveryoneButThePrivacyOfficer()
    {
        var customer = GlobalId.Encode("Customer", (await fixture.CreateCustomerAsync("mina@example.in", "Mina")).ToString());

        var blank = (await Officer().PostAsync(Place, new { c = customer, r = " " })).EnsureNoErrors().Data!["placeLegalHold"]!;
        var nobody = (await Officer().PostAsync(Place, new { c = GlobalId.Encode("Customer", Guid.NewGuid().ToString()), r = "Court order" }))
            .EnsureNoErrors().Data!["placeLegalHold"]!;
        var support = await fixture.Client().As("staff-support", roles: "support").PostAsync(Place, new { c = customer, r = "Court order" });
        var placed = (await Officer().PostAsync(Place, new { c = customer, r = "Court order 12/2026" })).EnsureNoErrors().Data!["placeLegalHold"]!;
        var hold = placed["legalHold"]!["id"]!.GetValue<string>();
        var released = (await Officer().PostAsync(Release, new { h = hold })).EnsureNoErrors().Data!["releaseLegalHold"]!;
        var again = (await Officer().PostAsync(Release, new { h = hold })).EnsureNoErrors().Data!["releaseLegalHold"]!;

        Assert.Equal("legal_hold.reason_invalid", blank["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("legal_hold.customer_not_found", nobody["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], support.ErrorCodes);
        Assert.Equal("Court order 12/2026", placed["legalHold"]!["reason"]!.GetValue<string>());
        Assert.NotNull(released["legalHold"]!["releasedAt"]);
        Assert.Equal("legal_hold.not_found", again["errors"]![0]!["code"]!.GetValue<string>());
    }
}
