using ConnectingNer.Domain.Consent;

namespace ConnectingNer.Domain.Tests.Consent;

public sealed class ConsentStateTests
{
    private static readonly string[] Purposes = ["essential", "analytics", "personalisation", "marketing.email"];
    private static readonly HashSet<string> Counting = ["2.0", "2.1"];
    private static readonly Guid Customer = Guid.NewGuid();
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static ConsentRecord Record(string purpose, bool granted, int minutes, string version = "2.0") =>
        ConsentRecord.ForCustomer(Customer, purpose, granted, version, ConsentSource.AccountSettings, T0.AddMinutes(minutes), null);

    [Fact]
    public void TheLatestDecisionByTime_Wins_WhateverTheOrderOfTheRecords()
    {
        var state = ConsentState.From([Record("analytics", false, 5), Record("analytics", true, 1), Record("marketing.email", true, 2)], Purposes, Counting, false);

        Assert.False(state.Holds("analytics"));
        Assert.True(state.Holds("marketing.email"));
        Assert.Equal(Purposes, state.Decisions.Select(d => d.Purpose));
    }

    [Fact]
    public void Essential_AlwaysHolds_AndAnUnknownOrUndecidedPurpose_Never()
    {
        var state = ConsentState.From([], Purposes, Counting, minorWithoutGuardian: true);

        Assert.True(state.Holds("essential"));
        Assert.False(state.Holds("personalisation"));
        Assert.False(state.Holds("telepathy"));
        Assert.False(state.ReviewRequired);
    }

    [Fact]
    public void AGrantUnderAVersionBeforeTheLatestMaterialChange_IsSuspended_UntilConfirmed()
    {
        var old = ConsentState.From([Record("marketing.email", true, 1, version: "1.0")], Purposes, Counting, false);
        var confirmed = ConsentState.From([Record("marketing.email", true, 1, version: "1.0"), Record("marketing.email", true, 2, version: "2.1")],
            Purposes, Counting, false);
        var withdrawnUnderOld = ConsentState.From([Record("marketing.email", false, 1, version: "1.0")], Purposes, Counting, false);

        Assert.False(old.Holds("marketing.email"));
        Assert.Equal(ConsentSuspension.PolicyReviewRequired, old.For("marketing.email")!.Suspension);
        Assert.True(old.ReviewRequired);
        Assert.True(confirmed.Holds("marketing.email"));
        Assert.False(confirmed.ReviewRequired);
        Assert.False(withdrawnUnderOld.ReviewRequired);
    }

    [Fact]
    public void AMinorWithoutAGuardian_GetsNoTrackingPersonalisationOrMarketing_WhateverTheToggles()
    {
        var state = ConsentState.From([Record("analytics", true, 1), Record("personalisation", true, 1), Record("marketing.email", true, 1)],
            Purposes, Counting, minorWithoutGuardian: true);

        Assert.All(["analytics", "personalisation", "marketing.email"], p =>
        {
            Assert.False(state.Holds(p));
            Assert.Equal(ConsentSuspension.MinorWithoutGuardian, state.For(p)!.Suspension);
        });
        Assert.True(state.Holds("essential"));
    }

    [Theory]
    [InlineData("8d6f3c7e-2b1a-4c5d-9e8f-0a1b2c3d4e5f", true)]
    [InlineData("8D6F3C7E-2B1A-4C5D-9E8F-0A1B2C3D4E5F", true)]
    [InlineData("8d6f3c7e-2b1a-1c5d-9e8f-0a1b2c3d4e5f", false)] // version 1
    [InlineData("8d6f3c7e-2b1a-4c5d-ce8f-0a1b2c3d4e5f", false)] // not the RFC 4122 variant
    [InlineData("8d6f3c7e2b1a4c5d9e8f0a1b2c3d4e5f", false)]     // only the hyphenated form
    [InlineData("", false)]
    public void ADeviceId_IsARandomVersion4Uuid(string value, bool valid) => Assert.Equal(valid, DeviceIds.TryParse(value, out _));
}
