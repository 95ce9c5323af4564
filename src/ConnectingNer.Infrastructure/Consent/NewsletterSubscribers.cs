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

    public Task SendConfirmationAsync(string email, string confirmationUrl, CancellationToken cancellationToken)
    {
        if (!throttle.TryAcquire(email))
        {
            logger.LogWarning("Newsletter confirmation to {To} not sent: too many emails this hour", Masks.Email(email));
            return Task.CompletedTask;
        }

        return sender.SendAsync(email, "Confirm your newsletter subscription",
            "Someone, hopefully you, asked for the Connecting NER newsletter at this address. Nothing will be sent unless you "
            + $"confirm by opening this link within three days: {confirmationUrl}\nIf it was not you, ignore this message.", cancellationToken);
    }
}
