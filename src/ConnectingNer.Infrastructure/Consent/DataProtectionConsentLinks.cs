using System.Security.Cryptography;
using ConnectingNer.Application.Consent;
using ConnectingNer.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace ConnectingNer.Infrastructure.Consent;

/// <summary>
/// Email links signed and encrypted with ASP.NET Core Data Protection (keys shared by every node through the
/// database), one purpose string per kind of link, with a lifetime: a token names one subject and nothing can change it.
/// Links are built on the configured public origin, never on a request's Host header.
/// </summary>
internal sealed class DataProtectionConsentLinks(IDataProtectionProvider protection, IOptions<IdentityServerOptions> options) : IConsentLinks
{
    public static readonly TimeSpan ConfirmationLifetime = TimeSpan.FromDays(3);
    public static readonly TimeSpan UnsubscribeLifetime = TimeSpan.FromDays(180);

    private readonly ITimeLimitedDataProtector _confirm = protection.CreateProtector("ConnectingNer.Newsletter.Confirm.v1").ToTimeLimitedDataProtector();
    public static readonly TimeSpan GuardianLifetime = TimeSpan.FromDays(7);

    private readonly ITimeLimitedDataProtector _guardian = protection.CreateProtector("ConnectingNer.Consent.Guardian.v1").ToTimeLimitedDataProtector();
    private readonly ITimeLimitedDataProtector _unsubscribe = protection.CreateProtector("ConnectingNer.Consent.Unsubscribe.v1").ToTimeLimitedDataProtector();

    private string Origin => options.Value.PublicOrigin.TrimEnd('/');

    public string ConfirmationUrl(Guid subscriberId) =>
        $"{Origin}/newsletter/confirm?token={_confirm.Protect(subscriberId.ToString("N"), ConfirmationLifetime)}";

    public bool TryReadConfirmation(string? token, out Guid subscriberId)
    {
        subscriberId = Guid.Empty;
        return TryUnprotect(_confirm, token, out var value) && Guid.TryParseExact(value, "N", out subscriberId);
    }

    public string UnsubscribeUrl(ConsentSubject subject) =>
        $"{Origin}/unsubscribe?token={_unsubscribe.Protect($"{(int)subject.Kind}:{subject.Id:N}", UnsubscribeLifetime)}";

    public bool TryReadUnsubscribe(string? token, out ConsentSubject subject)
    {
        subject = default;
        if (!TryUnprotect(_unsubscribe, token, out var value) || value.Split(':') is not [var kind, var id]
            || !int.TryParse(kind, out var k) || !Enum.IsDefined((ConsentSubjectKind)k) || !Guid.TryParseExact(id, "N", out var guid))
            return false;
        subject = new ConsentSubject(guid, (ConsentSubjectKind)k);
        return true;
    }

    public string GuardianUrl(Guid minorId, string guardianEmailIndex) =>
        $"{Origin}/account/guardian-consent?token={_guardian.Protect($"{minorId:N}:{guardianEmailIndex}", GuardianLifetime)}";

    public bool TryReadGuardian(string? token, out Guid minorId, out string guardianEmailIndex)
    {
        (minorId, guardianEmailIndex) = (Guid.Empty, "");
        if (!TryUnprotect(_guardian, token, out var value) || value.Split(':') is not [var minor, var index] || !Guid.TryParseExact(minor, "N", out minorId))
            return false;
        guardianEmailIndex = index;
        return true;
    }

    private static bool TryUnprotect(ITimeLimitedDataProtector protector, string? token, out string value)
    {
        value = "";
        if (string.IsNullOrEmpty(token) || token.Length > 1000) return false;
        try
        {
            value = protector.Unprotect(token);
            return true;
        }
        catch (CryptographicException)
        {
            // Forged, altered, made for another purpose, or expired.
            return false;
        }
    }
}
