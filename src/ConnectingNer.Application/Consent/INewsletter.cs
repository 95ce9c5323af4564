using ConnectingNer.Domain.Consent;

namespace ConnectingNer.Application.Consent;

/// <summary>
/// The links in emails that act without a session: signed and time-limited, each bound to one subject, so a link
/// cannot be forged, guessed, or turned against another address.
/// </summary>
public interface IConsentLinks
{
    /// <summary>The double opt-in link sent to a new subscriber (valid for three days).</summary>
    string ConfirmationUrl(Guid subscriberId);

    bool TryReadConfirmation(string? token, out Guid subscriberId);

    /// <summary>The one-click unsubscribe link (RFC 8058) that every newsletter email carries (valid for 180 days).</summary>
    string UnsubscribeUrl(ConsentSubject subject);

    bool TryReadUnsubscribe(string? token, out ConsentSubject subject);

    /// <summary>The link a minor's guardian follows to consent for them (valid for seven days), bound to the address it is sent to.</summary>
    string GuardianUrl(Guid minorId, string guardianEmailIndex);

    bool TryReadGuardian(string? token, out Guid minorId, out string guardianEmailIndex);
}

/// <summary>Newsletter addresses: sealed under their own data key, found by their keyed hash; and the confirmation email.</summary>
public interface INewsletterSubscribers
{
    /// <summary>A new subscriber for an address (its data key, its sealed address); not yet saved.</summary>
    NewsletterSubscriber Create(string email);

    /// <summary>The keyed hash an address is found under (equal to a customer's for the same address).</summary>
    string EmailIndex(string email);

    /// <summary>The subscribers' addresses, by id (an erased subscriber's is absent).</summary>
    Task<IReadOnlyDictionary<Guid, string>> EmailsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    Task SendConfirmationAsync(string email, string confirmationUrl, CancellationToken cancellationToken);

    /// <summary>Asks a minor's guardian to confirm through the link.</summary>
    Task SendGuardianRequestAsync(string guardianEmail, string guardianUrl, CancellationToken cancellationToken);
}

/// <summary>Who a purpose holds for now, in pages: the record that made it hold, and its subject.</summary>
public interface IConsentAudience
{
    /// <summary>
    /// Customers and subscribers whose latest decision for <paramref name="purpose"/> grants it under a policy version
    /// that still counts, after the record <paramref name="after"/>, at most <paramref name="first"/>, by record.
    /// </summary>
    Task<IReadOnlyList<(int RecordId, ConsentSubject Subject)>> HoldingAsync(string purpose, int after, int first, CancellationToken cancellationToken);
}
