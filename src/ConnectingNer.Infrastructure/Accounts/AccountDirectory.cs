using ConnectingNer.Infrastructure.Identity;
using ConnectingNer.Application.Accounts;
using ConnectingNer.Application.Common.Exceptions;
using ConnectingNer.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace ConnectingNer.Infrastructure.Accounts;

/// <summary>Accounts kept by ASP.NET Core Identity.</summary>
public sealed class AccountDirectory(
    UserManager<AppUser> users, AccountFactory accounts, AccountMessages messages, DecoyPassword decoy) : IAccountDirectory
{
    /// <summary>
    /// Registers, or tells the address's owner that they have an account: the caller cannot tell which. Everything about
    /// the input (the password's rules included) is judged before the address is looked up, and a taken address costs the
    /// same password hashing as a new one, so neither the answer nor its time says who is a customer.
    /// </summary>
    public async Task<Result> RegisterAsync(string email, string password, string? displayName, CancellationToken cancellationToken)
    {
        var rules = new List<Error>();
        foreach (var validator in users.PasswordValidators)
        {
            var judged = await validator.ValidateAsync(users, new AppUser(), password);
            if (!judged.Succeeded) rules.AddRange(judged.Errors.Select(Map));
        }

        if (rules.Count > 0) return Result.Failure([.. rules.DistinctBy(e => e.Code)]);

        if (await users.FindByEmailAsync(email) is not null)
        {
            decoy.Hash(password);
            await messages.SendAlreadyRegisteredAsync(email, cancellationToken);
            return Result.Success();
        }

        IdentityResult created;
        AppUser user;
        try
        {
            (created, user) = await accounts.CreateAsync(email, password, false, displayName, cancellationToken);
        }
        catch (UniqueConstraintException)
        {
            // A concurrent registration of the same address won: as if it had been there first.
            return Result.Success();
        }

        if (!created.Succeeded) return Result.Failure([.. created.Errors.Select(Map)]);
        await messages.SendConfirmationAsync(user, email, cancellationToken);
        return Result.Success();
    }

    public async Task<Result> UnlinkExternalLoginAsync(Guid accountId, string provider, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(accountId.ToString()) is not { } user) return AccountErrors.NotSignedIn();
        var logins = await users.GetLoginsAsync(user);
        var login = logins.FirstOrDefault(l => string.Equals(l.LoginProvider, provider, StringComparison.OrdinalIgnoreCase));
        if (login is null) return AccountErrors.ExternalLoginNotFound();
        if (user.PasswordHash is null && logins.Count == 1) return AccountErrors.LastSignInMethod();
        var removed = await users.RemoveLoginAsync(user, login.LoginProvider, login.ProviderKey);
        return removed.Succeeded ? Result.Success() : Result.Failure([.. removed.Errors.Select(Map)]);
    }

    /// <summary>Identity's password and user rules as our codes.</summary>
    public static Error Map(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => AccountErrors.PasswordTooShort(),
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => AccountErrors.PasswordTooSimple(),
        nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) => AccountErrors.EmailInvalid(),
        _ => AccountErrors.Rejected(error.Code, error.Description, error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : null),
    };
}
