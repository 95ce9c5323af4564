using ConnectingNer.Infrastructure.Identity;
using ConnectingNer.Application.Common.Exceptions;
using ConnectingNer.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;

namespace ConnectingNer.Infrastructure.Accounts;

/// <summary>What a social sign-in found or did.</summary>
public enum ExternalSignInOutcome
{
    /// <summary>The provider login was already linked to an account.</summary>
    Known,

    /// <summary>The login was linked to the account with the same, verified, email address.</summary>
    Linked,

    /// <summary>A new customer account was created for the login.</summary>
    Created,

    /// <summary>The provider shared no email address: we cannot create or find an account.</summary>
    NoEmail,

    /// <summary>
    /// An account has this address, but the provider did not vouch for it (or the account never confirmed it):
    /// linking could hand the account to someone else, so the person signs in with their password and links from there.
    /// </summary>
    NotLinkable,

    /// <summary>The signed-in person tried to link a provider login that belongs to another account.</summary>
    LinkedElsewhere,
}

/// <summary>Who a social sign-in says the person is.</summary>
public sealed record ExternalIdentity(string Provider, string ProviderKey, string? Email, bool EmailVerified, string? Name);

/// <summary>
/// Finds the account of a social sign-in, links it to an existing account only when both sides vouch for the email
/// address (the provider verified it, the account confirmed it), or creates a customer.
/// </summary>
public sealed class ExternalAccountLinker(UserManager<AppUser> users, AccountFactory accounts, AppDbContext db)
{
    public async Task<(ExternalSignInOutcome Outcome, AppUser? User)> SignInAsync(ExternalIdentity identity, CancellationToken cancellationToken)
    {
        if (await users.FindByLoginAsync(identity.Provider, identity.ProviderKey) is { } known)
            return (ExternalSignInOutcome.Known, known);
        if (string.IsNullOrWhiteSpace(identity.Email)) return (ExternalSignInOutcome.NoEmail, null);

        var login = new UserLoginInfo(identity.Provider, identity.ProviderKey, identity.Provider);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await users.FindByEmailAsync(identity.Email) is { } existing)
        {
            if (!identity.EmailVerified || !existing.EmailConfirmed) return (ExternalSignInOutcome.NotLinkable, null);
            Check(await users.AddLoginAsync(existing, login));
            await transaction.CommitAsync(cancellationToken);
            return (ExternalSignInOutcome.Linked, existing);
        }

        AppUser user;
        try
        {
            var (created, newUser) = await accounts.CreateAsync(identity.Email, null, identity.EmailVerified, identity.Name, cancellationToken);
            Check(created);
            user = newUser;
            Check(await users.AddLoginAsync(user, login));
        }
        catch (UniqueConstraintException)
        {
            // The same person signing in twice at once: the other request created the account.
            return (ExternalSignInOutcome.NotLinkable, null);
        }

        await transaction.CommitAsync(cancellationToken);
        return (ExternalSignInOutcome.Created, user);
    }

    /// <summary>The signed-in <paramref name="user"/> links a provider login to their own account.</summary>
    public async Task<ExternalSignInOutcome> LinkAsync(AppUser user, ExternalIdentity identity)
    {
        if (await users.FindByLoginAsync(identity.Provider, identity.ProviderKey) is { } owner)
            return owner.Id == user.Id ? ExternalSignInOutcome.Known : ExternalSignInOutcome.LinkedElsewhere;
        Check(await users.AddLoginAsync(user, new UserLoginInfo(identity.Provider, identity.ProviderKey, identity.Provider)));
        return ExternalSignInOutcome.Linked;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Linking the external login failed: " + string.Join("; ", result.Errors.Select(e => e.Code)));
    }
}
