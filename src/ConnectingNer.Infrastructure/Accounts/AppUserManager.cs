using ConnectingNer.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace ConnectingNer.Infrastructure.Accounts;

/// <summary>
/// Identity's user manager, with one rule added wherever an account's credentials or standing change: confirming an
/// address, resetting, changing, adding or removing a password, and locking the account (an administrator's lock: a
/// lockout end set in the future) each renew the security stamp and revoke every OAuth authorization and token the
/// account holds, so a session begun before the change (a pre-hijacker's, a thief's) ends with it. Lockouts after
/// failed sign-ins do not go through here: a stranger's guesses must not sign the owner out.
/// </summary>
public sealed class AppUserManager(
    IUserStore<AppUser> store, IOptions<IdentityOptions> optionsAccessor, IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators, IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer, IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<AppUser>> logger,
    IOpenIddictAuthorizationManager authorizations, IOpenIddictTokenManager tokens)
    : UserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<IdentityResult> ConfirmEmailAsync(AppUser user, string token) =>
        await EndSessionsAfterAsync(user, await base.ConfirmEmailAsync(user, token), renewStamp: true);

    public override async Task<IdentityResult> ResetPasswordAsync(AppUser user, string token, string newPassword) =>
        await EndSessionsAfterAsync(user, await base.ResetPasswordAsync(user, token, newPassword), renewStamp: false);

    public override async Task<IdentityResult> ChangePasswordAsync(AppUser user, string currentPassword, string newPassword) =>
        await EndSessionsAfterAsync(user, await base.ChangePasswordAsync(user, currentPassword, newPassword), renewStamp: false);

    public override async Task<IdentityResult> AddPasswordAsync(AppUser user, string password) =>
        await EndSessionsAfterAsync(user, await base.AddPasswordAsync(user, password), renewStamp: false);

    public override async Task<IdentityResult> RemovePasswordAsync(AppUser user) =>
        await EndSessionsAfterAsync(user, await base.RemovePasswordAsync(user), renewStamp: false);

    public override async Task<IdentityResult> SetLockoutEndDateAsync(AppUser user, DateTimeOffset? lockoutEnd)
    {
        var result = await base.SetLockoutEndDateAsync(user, lockoutEnd);
        return lockoutEnd > DateTimeOffset.UtcNow ? await EndSessionsAfterAsync(user, result, renewStamp: true) : result;
    }

    /// <summary>Revokes every authorization and token of the account (all clients, all sessions).</summary>
    private async Task RevokeEverythingAsync(AppUser user, CancellationToken cancellationToken = default)
    {
        var subject = user.Id.ToString();
        await authorizations.RevokeBySubjectAsync(subject, cancellationToken);
        await tokens.RevokeBySubjectAsync(subject, cancellationToken);
    }

    private async Task<IdentityResult> EndSessionsAfterAsync(AppUser user, IdentityResult result, bool renewStamp)
    {
        if (!result.Succeeded) return result;
        // Password changes renew the stamp themselves; the others renew it here, so refresh tokens issued before stop working.
        if (renewStamp)
        {
            var renewed = await base.UpdateSecurityStampAsync(user);
            if (!renewed.Succeeded) return renewed;
        }

        await RevokeEverythingAsync(user);
        return result;
    }
}
