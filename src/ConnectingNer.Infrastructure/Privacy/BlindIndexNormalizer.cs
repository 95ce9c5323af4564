using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.Infrastructure.Privacy;

/// <summary>
/// ASP.NET Core Identity looks accounts up by "normalized" user name and email: here the normalized form of an email
/// address is its keyed hash, and the account's user name and email columns hold that hash too. The users table
/// therefore stores no address in clear, yet sign-in by email and the uniqueness of addresses still work.
/// </summary>
public sealed class BlindIndexNormalizer(IServiceProvider services) : ILookupNormalizer
{
    // Resolved on first use: normalizing role names needs no key, so migrations and seeding run without privacy keys.
    private readonly Lazy<PersonalDataCipher> _cipher = new(services.GetRequiredService<PersonalDataCipher>);

    public string? NormalizeEmail(string? email) => Normalize(email);

    public string? NormalizeName(string? name) => Normalize(name);

    // A value without '@' is already an index (Identity normalizes the stored user name again on every update).
    private string? Normalize(string? value) => value is null ? null : value.Contains('@') ? _cipher.Value.EmailIndex(value) : value;
}
