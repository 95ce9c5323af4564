using ConnectingNer.Infrastructure.Accounts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ConnectingNer.Infrastructure.Identity;

/// <summary>Refuses to start serving without token keys shared by every node (or explicit one-node ephemeral keys).</summary>
public sealed class SigningKeysCheck(IOptions<IdentityServerOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.AllowEphemeralKeys && (string.IsNullOrEmpty(o.SigningCertificate) || string.IsNullOrEmpty(o.EncryptionCertificate)))
            throw new InvalidOperationException(
                "Identity:SigningCertificate and Identity:EncryptionCertificate are required (or Identity:AllowEphemeralKeys for one-node development).");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
