using System.Security.Cryptography;
using ConnectingNer.Application.PrivacyRequests.Commands;
using ConnectingNer.Domain.PrivacyRequests;
using ConnectingNer.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace ConnectingNer.Infrastructure.PrivacyRequests;

/// <summary>Verification links for requests by email: the type and the subscriber, signed and encrypted, valid 24 hours.</summary>
internal sealed class PrivacyRequestLinks(IDataProtectionProvider protection, IOptions<IdentityServerOptions> options) : IPrivacyRequestLinks
{
    private readonly ITimeLimitedDataProtector _links = protection.CreateProtector("ConnectingNer.PrivacyRequest.Verify.v1").ToTimeLimitedDataProtector();

    public string VerifyUrl(PrivacyRequestType type, Guid subscriberId) =>
        $"{options.Value.PublicOrigin.TrimEnd('/')}/privacy/verify?token={_links.Protect($"{(int)type}:{subscriberId:N}", IPrivacyRequestLinks.Lifetime)}";

    public bool TryRead(string? token, out PrivacyRequestType type, out Guid subscriberId)
    {
        (type, subscriberId) = (default, Guid.Empty);
        if (string.IsNullOrEmpty(token) || token.Length > 1000) return false;
        string value;
        try
        {
            value = _links.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return false; // forged, altered, made for another purpose, or expired
        }

        if (value.Split(':') is not [var kind, var id] || !int.TryParse(kind, out var k) || !Enum.IsDefined((PrivacyRequestType)k)
            || !Guid.TryParseExact(id, "N", out subscriberId))
            return false;
        type = (PrivacyRequestType)k;
        return true;
    }
}
