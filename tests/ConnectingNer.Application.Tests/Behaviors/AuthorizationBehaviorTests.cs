using ConnectingNer.Application.Common.Behaviors;
using ConnectingNer.Application.Common.Exceptions;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Tests.Support;
using ConnectingNer.Domain.Common;

namespace ConnectingNer.Application.Tests.Behaviors;

public sealed class AuthorizationBehaviorTests
{
    private static readonly Handler<GuardedCommand, Result<string>> Guarded = new(_ => Result.Success("done"));

    [Fact]
    public async Task AnAnonymousCaller_IsRefusedAsNotAuthenticated_AndTheHandlerNeverRuns()
    {
        var next = new Handler<GuardedCommand, Result<string>>(_ => Result.Success("done"));
        var behavior = new AuthorizationBehavior<GuardedCommand, Result<string>>(FakeCaller.Anonymous);

        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => behavior.Handle(new GuardedCommand(), next.Next, default).AsTask());

        Assert.False(denied.IsAuthenticated);
        Assert.Equal(Policies.CatalogWrite, denied.Policy);
        Assert.Equal(0, next.Calls);
    }

    [Fact]
    public async Task ASignedInCallerWithoutThePolicy_IsRefusedAsNotAuthorized()
    {
        var next = new Handler<GuardedCommand, Result<string>>(_ => Result.Success("done"));
        var behavior = new AuthorizationBehavior<GuardedCommand, Result<string>>(FakeCaller.Staff(Roles.Support));

        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => behavior.Handle(new GuardedCommand(), next.Next, default).AsTask());

        Assert.True(denied.IsAuthenticated);
        Assert.Equal(0, next.Calls);
    }

    [Theory]
    [InlineData(Roles.CatalogManager)]
    [InlineData(Roles.Admin)]
    public async Task StaffWithACatalogRole_MeetCatalogWrite(string role)
    {
        var next = new Handler<GuardedCommand, Result<string>>(_ => Result.Success("done"));
        var behavior = new AuthorizationBehavior<GuardedCommand, Result<string>>(FakeCaller.Staff(role));

        var result = await behavior.Handle(new GuardedCommand(), next.Next, default);

        Assert.Equal("done", result.Value);
        Assert.Equal(1, next.Calls);
    }

    [Fact]
    public async Task APartnerWithTheScope_MeetsCatalogWrite()
    {
        var next = new Handler<GuardedCommand, Result<string>>(_ => Result.Success("done"));
        var behavior = new AuthorizationBehavior<GuardedCommand, Result<string>>(FakeCaller.Partner("feed", Policies.CatalogWrite));

        await behavior.Handle(new GuardedCommand(), next.Next, default);

        Assert.Equal(1, next.Calls);
    }

    [Fact]
    public async Task EveryPolicyOfARequest_MustBeMet()
    {
        var next = new Handler<DoublyGuardedQuery, string>(_ => "seen");
        var supportOnly = new AuthorizationBehavior<DoublyGuardedQuery, string>(FakeCaller.Staff(Roles.Support));
        var officer = new AuthorizationBehavior<DoublyGuardedQuery, string>(FakeCaller.Staff(Roles.PrivacyOfficer));

        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => supportOnly.Handle(new DoublyGuardedQuery(), next.Next, default).AsTask());
        Assert.Equal(Policies.PrivacyOfficer, denied.Policy);
        Assert.Equal("seen", await officer.Handle(new DoublyGuardedQuery(), next.Next, default));
        Assert.Equal(1, next.Calls);
    }

    [Fact]
    public async Task ARequestWithoutAPolicy_RunsForAnyone()
    {
        var next = new Handler<PlainQuery, string>(q => q.Name);
        var behavior = new AuthorizationBehavior<PlainQuery, string>(FakeCaller.Anonymous);

        Assert.Equal("x", await behavior.Handle(new PlainQuery("x"), next.Next, default));
    }
}
