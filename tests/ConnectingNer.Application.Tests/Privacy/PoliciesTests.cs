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
        Assert.Equal([Policies.CatalogWrite, Policies.CustomerLookup, Policies.PrivacyOfficer], Policies.All.Order());
}
