using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Tests.Support;

namespace ConnectingNer.Application.Tests.Privacy;

public sealed class PoliciesTests
{
    public static TheoryData<string, FakeCaller, bool> Cases => new()
    {
        { Policies.CatalogWrite, FakeCaller.Staff(Roles.CatalogManager), true },
        { Policies.CatalogWrite, FakeCaller.Staff(Roles.Admin), true },
        { Policies.CatalogWrite, FakeCaller.Partner("feed", Policies.CatalogWrite), true },
        { Policies.CatalogWrite, FakeCaller.Partner("feed", "catalog:read"), false },
        { Policies.CatalogWrite, FakeCaller.Staff(Roles.Support), false },
        { Policies.CatalogWrite, FakeCaller.Anonymous with { Scopes = new HashSet<string> { Policies.CatalogWrite } }, false },
        { Policies.CustomerLookup, FakeCaller.Staff(Roles.Support), true },
        { Policies.CustomerLookup, FakeCaller.Staff(Roles.PrivacyOfficer), true },
        { Policies.CustomerLookup, FakeCaller.Staff(Roles.Admin), false },
        { Policies.CustomerLookup, FakeCaller.Person(Guid.NewGuid()), false },
        { Policies.PrivacyOfficer, FakeCaller.Staff(Roles.PrivacyOfficer), true },
        { Policies.PrivacyOfficer, FakeCaller.Staff(Roles.Support), false },
        { Policies.OrdersRead, FakeCaller.Person(Guid.NewGuid()) with { Scopes = new HashSet<string> { Policies.OrdersRead } }, true },
        { Policies.OrdersRead, FakeCaller.Person(Guid.NewGuid()), false },
        { Policies.OrdersRead, FakeCaller.Partner("logistics", Policies.OrdersRead), false },
        { Policies.OrdersWrite, FakeCaller.Person(Guid.NewGuid()) with { Scopes = new HashSet<string> { Policies.OrdersWrite } }, true },
        { Policies.OrdersWrite, FakeCaller.Partner("payments", Policies.OrdersWrite), false },
        { Policies.OrdersManage, FakeCaller.Staff(Roles.Support), true },
        { Policies.OrdersManage, FakeCaller.Staff(Roles.Admin), true },
        { Policies.OrdersManage, FakeCaller.Staff(Roles.CatalogManager), false },
        { Policies.OrdersFulfil, FakeCaller.Partner("logistics", Policies.OrdersFulfil), true },
        { Policies.OrdersFulfil, FakeCaller.Person(Guid.NewGuid()) with { Scopes = new HashSet<string> { Policies.OrdersFulfil } }, false },
        { Policies.PaymentsProcess, FakeCaller.Partner("payments", Policies.PaymentsProcess), true },
        { Policies.PaymentsProcess, FakeCaller.Partner("logistics", Policies.OrdersFulfil), false },
        { Policies.MarketingSend, FakeCaller.Partner("marketing", Policies.MarketingSend), true },
        { Policies.MarketingSend, FakeCaller.Person(Guid.NewGuid()) with { Scopes = new HashSet<string> { Policies.MarketingSend } }, false },
        { Policies.MarketingSend, FakeCaller.Staff(Roles.Admin, Roles.PrivacyOfficer, Roles.Support), false },
        { Policies.AnalyticsAggregate, FakeCaller.Partner("analytics", Policies.AnalyticsAggregate), true },
        { Policies.AnalyticsAggregate, FakeCaller.Partner("marketing", Policies.MarketingSend), false },
        { Policies.Partner, FakeCaller.Partner("logistics", Policies.OrdersFulfil), true },
        { Policies.Partner, FakeCaller.Person(Guid.NewGuid()) with { Scopes = new HashSet<string> { Policies.OrdersFulfil } }, false },
        { Policies.Partner, FakeCaller.Staff(Roles.Admin, Roles.PrivacyOfficer, Roles.Support), false },
        { "catalog:wirte", FakeCaller.Staff(Roles.Admin, Roles.CatalogManager, Roles.PrivacyOfficer, Roles.Support), false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void APolicy_IsMetExactlyByTheCallersItNames(string policy, FakeCaller caller, bool expected)
    {
        Assert.Equal(expected, Policies.IsMet(policy, caller));
        Assert.Equal(expected, caller.Satisfies(policy));
    }

    [Fact]
    public void EveryPolicyName_HasARule() =>
        Assert.Equal([Policies.AnalyticsAggregate, Policies.CatalogWrite, Policies.CustomerLookup, Policies.MarketingSend, Policies.OrdersFulfil,
            Policies.OrdersManage, Policies.OrdersRead, Policies.OrdersWrite, Policies.Partner, Policies.PaymentsProcess, Policies.PrivacyOfficer],
            Policies.All.Order());
}
