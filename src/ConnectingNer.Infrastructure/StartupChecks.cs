using ConnectingNer.Infrastructure.Identity;
using ConnectingNer.Infrastructure.Privacy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConnectingNer.Infrastructure;

/// <summary>
/// Checks the server makes before it serves, after host commands (<c>schema export</c>, <c>migrate</c>) that need
/// no keys. They run in the composition root rather than as hosted services: a failure then ends the entry point
/// with its own message, before anything has started that would need stopping.
/// </summary>
public static class StartupChecks
{
    /// <summary>
    /// Refuses to serve without token keys shared by every node (or explicit one-node ephemeral keys), and without
    /// valid privacy keys: better no server than personal data it cannot protect or read.
    /// </summary>
    public static void VerifyKeys(this IServiceProvider services)
    {
        var identity = services.GetRequiredService<IOptions<IdentityServerOptions>>().Value;
        if (!identity.AllowEphemeralKeys && (string.IsNullOrEmpty(identity.SigningCertificate) || string.IsNullOrEmpty(identity.EncryptionCertificate)))
            throw new InvalidOperationException(
                "Identity:SigningCertificate and Identity:EncryptionCertificate are required (or Identity:AllowEphemeralKeys for one-node development).");
        services.GetRequiredService<PersonalDataCipher>();
    }
}
