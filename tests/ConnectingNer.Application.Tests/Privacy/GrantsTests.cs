using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Privacy;
using ConnectingNer.Application.Tests.Support;

namespace ConnectingNer.Application.Tests.Privacy;

/// <summary>The grant table: who may see what of someone's personal data.</summary>
public sealed class GrantsTests
{
    private static readonly Guid Asha = Guid.Parse("11111111-2222-3333-4444-555555555555");

    public static TheoryData<string, string, DataAccess> StaffRows => new()
    {
        { Roles.Support, DataCategories.IdentityName, DataAccess.Full },
        { Roles.Support, DataCategories.ContactEmail, DataAccess.Masked },
        { Roles.Support, DataCategories.ContactPhone, DataAccess.Masked },
        { Roles.Support, DataCategories.AddressPostal, DataAccess.Full },
        { Roles.Support, DataCategories.AccountLogins, DataAccess.Full },
        { Roles.Support, DataCategories.IdentityBirthDate, DataAccess.None },
        { Roles.Admin, DataCategories.IdentityName, DataAccess.None },
        { Roles.Admin, DataCategories.ContactEmail, DataAccess.None },
        { Roles.CatalogManager, DataCategories.AddressPostal, DataAccess.None },
        { Roles.CatalogManager, DataCategories.ContactPhone, DataAccess.None },
    };

    [Theory]
    [MemberData(nameof(StaffRows))]
    public void StaffSee_WhatTheirRoleGrants(string role, string category, DataAccess expected) =>
        Assert.Equal(expected, Grants.For(FakeCaller.Staff(role), category, Asha));

    [Fact]
    public void ThePrivacyOfficer_SeesEveryCategoryInFull() =>
        Assert.All(DataCategories.All, c => Assert.Equal(DataAccess.Full, Grants.For(FakeCaller.Staff(Roles.PrivacyOfficer), c, Asha)));

    [Fact]
    public void APerson_SeesAllOfTheirOwnData_AndNothingOfAnothers()
    {
        Assert.All(DataCategories.All, c => Assert.Equal(DataAccess.Full, Grants.For(FakeCaller.Person(Asha), c, Asha)));
        Assert.All(DataCategories.All, c => Assert.Equal(DataAccess.None, Grants.For(FakeCaller.Person(Guid.NewGuid()), c, Asha)));
        Assert.True(Grants.IsSubject(FakeCaller.Person(Asha), Asha));
        Assert.False(Grants.IsSubject(FakeCaller.Person(Guid.NewGuid()), Asha));
    }

    [Fact]
    public void AnAnonymousCaller_SeesNothing_EvenCarryingTheSubjectsId()
    {
        var anonymous = FakeCaller.Anonymous with { SubjectId = Asha.ToString() };

        Assert.All(DataCategories.All, c => Assert.Equal(DataAccess.None, Grants.For(anonymous, c, Asha)));
        Assert.False(Grants.IsSubject(anonymous, Asha));
    }

    [Fact]
    public void Partners_SeeNoProfileData_WhateverTheirScopes_ButACourierSeesWhereToDeliver_AndAMailerWhereToSend()
    {
        var partner = FakeCaller.Partner("logistics", [.. Grants.ByPartnerPurpose.Keys, Policies.CatalogWrite]);
        var courier = FakeCaller.Partner("logistics", [Policies.OrdersFulfil]);
        var mailer = FakeCaller.Partner("marketing", [Policies.MarketingSend]);
        var payments = FakeCaller.Partner("payments", [Policies.PaymentsProcess, Policies.AnalyticsAggregate]);

        string[] delivery = [DataCategories.AddressPostal, DataCategories.ContactPhone];
        string[] jobs = [.. delivery, DataCategories.ContactEmail];
        Assert.All(DataCategories.All.Except(jobs), c => Assert.Equal(DataAccess.None, Grants.For(partner, c, Asha)));
        Assert.All(delivery, c => Assert.Equal(DataAccess.Full, Grants.For(courier, c, Asha)));
        Assert.All(DataCategories.All.Except(delivery), c => Assert.Equal(DataAccess.None, Grants.For(courier, c, Asha)));
        Assert.Equal(DataAccess.Full, Grants.For(mailer, DataCategories.ContactEmail, Asha));
        Assert.All(DataCategories.All.Except([DataCategories.ContactEmail]), c => Assert.Equal(DataAccess.None, Grants.For(mailer, c, Asha)));
        Assert.All(DataCategories.All, c => Assert.Equal(DataAccess.None, Grants.For(payments, c, Asha)));
        Assert.Equal("delivery", Grants.PurposeOf(courier));
        Assert.Equal("marketing", Grants.PurposeOf(mailer));
        Assert.Equal("payment", Grants.PurposeOf(payments));
    }

    [Fact]
    public void APartnerWhoseSubjectLooksLikeAPersonsId_IsNotThatPerson()
    {
        var partner = FakeCaller.Partner("payments") with { SubjectId = Asha.ToString() };

        Assert.False(Grants.IsSubject(partner, Asha));
        Assert.Equal(DataAccess.None, Grants.For(partner, DataCategories.ContactEmail, Asha));
    }

    [Fact]
    public void SeveralRoles_GetTheBestGrantOfAny()
    {
        var both = FakeCaller.Staff(Roles.Admin, Roles.Support);

        Assert.Equal(DataAccess.Masked, Grants.For(both, DataCategories.ContactEmail, Asha));
        Assert.Equal(DataAccess.Full, Grants.For(FakeCaller.Staff(Roles.Support, Roles.PrivacyOfficer), DataCategories.ContactEmail, Asha));
    }

    [Fact]
    public void EveryRowOfTheTable_NamesKnownCategories_AndEveryRoleHasARow()
    {
        var rows = Grants.ByRole.Values.Concat(Grants.ByPartnerPurpose.Values);
        Assert.All(rows.SelectMany(r => r.Keys), c => Assert.Contains(c, DataCategories.All));
        Assert.Equal(Roles.All.Order(), Grants.ByRole.Keys.Order());
    }

    [Theory]
    [InlineData(null, new[] { Roles.PrivacyOfficer, Roles.Support }, "privacy_review")]
    [InlineData(null, new[] { Roles.Support }, "customer_support")]
    [InlineData(null, new[] { Roles.Admin }, "administration")]
    [InlineData(null, new string[0], "unspecified")]
    [InlineData("fraud check", new[] { Roles.Support }, "fraud check")]
    public void ThePurpose_IsTheDeclaredOne_ElseTheOneTheRoleImplies(string? declared, string[] roles, string expected) =>
        Assert.Equal(expected, Grants.PurposeOf(FakeCaller.Staff(roles) with { DeclaredPurpose = declared }));

    [Fact]
    public void PersonalDataAccess_AppliesTheTableToTheRequestsCaller()
    {
        var access = new PersonalDataAccess(FakeCaller.Staff(Roles.Support));

        Assert.Equal(DataAccess.Masked, access.For(DataCategories.ContactPhone, Asha));
        Assert.False(access.IsSubject(Asha));
    }
}
