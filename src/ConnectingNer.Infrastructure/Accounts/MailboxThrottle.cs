using ConnectingNer.Infrastructure.Identity;
using System.Collections.Concurrent;
using ConnectingNer.Infrastructure.Privacy;
using Microsoft.Extensions.Options;

namespace ConnectingNer.Infrastructure.Accounts;

/// <summary>
/// At most <see cref="IdentityServerOptions.EmailsPerAddressPerHour"/> account emails to one address per hour, so
/// nobody can flood someone's mailbox through registration or password reset (both answer the same either way, so a
/// skipped email reveals nothing). Counted per node, keyed by the address's keyed hash; a restart forgets.
/// </summary>
public sealed class MailboxThrottle(IOptions<IdentityServerOptions> options, PersonalDataCipher cipher, TimeProvider clock)
    : Application.Common.Interfaces.IMailboxThrottle
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset Start, int Count)> _windows = new(StringComparer.Ordinal);

    public bool TryAcquire(string email)
    {
        var now = clock.GetUtcNow();
        var key = cipher.EmailIndex(email);
        var window = _windows.AddOrUpdate(key, (now, 1), (_, current) =>
            now - current.Start >= TimeSpan.FromHours(1) ? (now, 1) : (current.Start, current.Count + 1));
        if (_windows.Count > 100_000) Sweep(now);
        return window.Count <= options.Value.EmailsPerAddressPerHour;
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, window) in _windows)
        {
            if (now - window.Start >= TimeSpan.FromHours(1)) _windows.TryRemove(key, out _);
        }
    }
}
