using System.Text;
using ConnectingNer.Application.Consent;
using ConnectingNer.Application.Privacy;
using ConnectingNer.Domain.Consent;
using ConnectingNer.Infrastructure.Accounts;
using ConnectingNer.Infrastructure.Persistence;
using ConnectingNer.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ConnectingNer.Infrastructure.Consent;

/// <summary>
/// A subscriber's address is sealed under a data key of its own (a row of <c>customer_keys</c> under the subscriber's
/// id, rotated and shredded like a customer's), and found by the same keyed hash as a customer's address.
/// </summary>
internal sealed class NewsletterSubscribers(
    AppDbContext db, PersonalDataCipher cipher, IEmailSender sender, MailboxThrottle throttle, TimeProvider clock, ILogger<NewsletterSubscribers> logger)
    : INewsletterSubscribers
{
    public NewsletterSubscriber Create(string email)
    {
        var id = Guid.NewGuid();
        var now = clock.GetUtcNow();
        var (dataKey, wrapped) = cipher.NewDataKey(id);
        db.CustomerKeys.Add(new CustomerKey { CustomerId = id, MasterKeyId = cipher.CurrentMasterKeyId, WrappedKey = wrapped, CreatedAt = now });
        return new NewsletterSubscriber(id, cipher.EmailIndex(email), PersonalDataCipher.Seal(dataKey, id, Encoding.UTF8.GetBytes(email)), now);
    }

    public string EmailIndex(string email) => cipher.EmailIndex(email);

    public async Task<IReadOnlyDictionary<Guid, string>> EmailsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return new Dictionary<Guid, string>();
        var rows = await db.Set<NewsletterSubscriber>().AsNoTracking().Where(s => ids.Contains(s.Id))
            .Join(db.CustomerKeys, s => s.Id, k => k.CustomerId, (s, k) => new { s.Id, s.SealedEmail, k.MasterKeyId, k.WrappedKey })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id,
            r => Encoding.UTF8.GetString(PersonalDataCipher.Open(cipher.Unwrap(r.MasterKeyId, r.WrappedKey, r.Id), r.Id, r.SealedEmail)));
    }

    public Task SendConfirmationAsync(string email, string confirmationUrl, CancellationToken cancellationToken) =>
        SendAsync(email, "Confirm your newsletter subscription",
            "Someone, hopefully you, asked for the Connecting NER newsletter at this address. Nothing will be sent unless you "
            + $"confirm by opening this link within three days: {confirmationUrl}\nIf it was not you, ignore this message.", cancellationToken);

    public Task SendGuardianRequestAsync(string guardianEmail, string guardianUrl, CancellationToken cancellationToken) =>
        SendAsync(guardianEmail, "A young person asks for your consent",
            "A Connecting NER customer under 18 named you as their parent or guardian. Until a guardian consents, the shop does not "
            + "track them, personalise for them or send them offers, whatever they choose. To consent for them, open this link within "
            + $"seven days and sign in to your own account with this address: {guardianUrl}\nIf you do not know them, ignore this message.",
            cancellationToken);

    private Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken)
    {
        if (throttle.TryAcquire(to)) return sender.SendAsync(to, subject, body, cancellationToken);
        logger.LogWarning("Email to {To} not sent: too many emails this hour", Masks.Email(to));
        return Task.CompletedTask;
    }
}
