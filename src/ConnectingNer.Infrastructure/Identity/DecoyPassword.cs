using Microsoft.AspNetCore.Identity;

namespace ConnectingNer.Infrastructure.Identity;

/// <summary>
/// Password work for a sign-in or registration that has no account to check against (or must not reveal one): the
/// same hashing a real check costs, so the time of an answer says nothing about who has an account.
/// </summary>
public sealed class DecoyPassword(IPasswordHasher<AppUser> hasher)
{
    // One per process: a hash of a random password nobody knows, made with the hasher's current settings.
    private static string? s_hash;

    /// <summary>Verifies the password against a hash nobody's password matches (as long as a real verification).</summary>
    public void Verify(string password) =>
        _ = hasher.VerifyHashedPassword(new AppUser(), s_hash ??= hasher.HashPassword(new AppUser(), Guid.NewGuid().ToString("N")), password);

    /// <summary>Hashes the password and forgets it (as long as creating a real account's hash).</summary>
    public void Hash(string password) => _ = hasher.HashPassword(new AppUser(), password);
}
