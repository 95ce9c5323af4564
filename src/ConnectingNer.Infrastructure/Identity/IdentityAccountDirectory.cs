using ConnectingNer.Application.Accounts;
using ConnectingNer.Application.Common.Exceptions;
using ConnectingNer.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace ConnectingNer.Infrastructure.Identity;

/// <summary>Accounts kept by ASP.NET Core Identity.</summary>
public sealed class IdentityAccountDirectory(UserManager<AppUser> users, AccountMessages messages, TimeProvider clock) : IAccountDirectory
{
    public async Task<Result> RegisterAsync(string email, string password, string? displayName, CancellationToken cancellationToken)
    {
        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            await messages.SendAlreadyRegisteredAsync(existing, cancellationToken);
            return Result.Success();
        }

        var user = new AppUser
        {
            Id = Guid.CreateVersion7(), UserName = email, Email = email, DisplayName = displayName, CreatedAt = clock.GetUtcNow(),
        };
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, password);
        }
        catch (UniqueConstraintException)
        {
            // A concurrent registration of the same address won: as if it had been there first.
            return Result.Success();
        }

        if (!created.Succeeded) return Result.Failure([.. created.Errors.Select(Map)]);
        await messages.SendConfirmationAsync(user, cancellationToken);
        return Result.Success();
    }

    public async Task<AccountReadModel?> FindAsync(string subjectId, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(subjectId, out var id) || await users.FindByIdAsync(id.ToString()) is not { } user) return null;
        var logins = await users.GetLoginsAsync(user);
        return new AccountReadModel(user.Id, user.Email ?? "", user.EmailConfirmed, user.DisplayName, user.PasswordHash is not null,
            [.. logins.Select(l => new ExternalLoginReadModel(l.LoginProvider, l.ProviderDisplayName ?? l.LoginProvider))]);
    }

    public async Task<Result> UnlinkExternalLoginAsync(string subjectId, string provider, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(subjectId, out var id) || await users.FindByIdAsync(id.ToString()) is not { } user)
            return AccountErrors.NotSignedIn();
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
