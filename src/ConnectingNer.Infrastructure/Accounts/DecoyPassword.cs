using ConnectingNer.Infrastructure.Identity;
using ConnectingNer.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Infrastructure.Accounts;

/// <summary>
/// Password work for a sign-in or registration that has no account to check against (or must not reveal one): the
/// same hashing a real check costs, so the time of an answer says nothing about who has an account.
/// </summary>
public sealed class DecoyPassword(IPasswordHasher<AppUser> hasher, AppDbContext db)
{
    // One per process: a hash of a random password nobody knows, made with the hasher's current settings.
    private static string? s_hash;

    /// <summary>Verifies the password against a hash nobody's password matches (as long as a real verification).</summary>
    public void Verify(string password) =>
        _ = hasher.VerifyHashedPassword(new AppUser(), s_hash ??= hasher.HashPassword(new AppUser(), Guid.NewGuid().ToString("N")), password);

    /// <summary>
    /// What a failed sign-in of a real account costs: a password verification, then the update that counts the failure
    /// (here it matches no row). Unknown addresses and locked accounts cost the same as a wrong password.
    /// </summary>
    public async Task FailAsync(string password, CancellationToken cancellationToken)
    {
        Verify(password);
        await db.Users.Where(u => u.Id == Guid.Empty)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.AccessFailedCount, u => u.AccessFailedCount + 1), cancellationToken);
    }

    /// <summary>Hashes the password and forgets it (as long as creating a real account's hash).</summary>
    public void Hash(string password) => _ = hasher.HashPassword(new AppUser(), password);
}
