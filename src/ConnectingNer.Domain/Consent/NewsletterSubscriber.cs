namespace ConnectingNer.Domain.Consent;

/// <summary>
/// An address that asked for the newsletter (double opt-in: it counts once the link sent to it was followed). The
/// address is kept sealed under its own data key and found by its keyed hash; consent to email marketing is recorded
/// like anyone's (for the customer with this address, when there is one).
/// </summary>
public sealed class NewsletterSubscriber
{
    private NewsletterSubscriber() { }

    public NewsletterSubscriber(Guid id, string emailIndex, byte[] sealedEmail, DateTimeOffset now)
    {
        Id = id;
        EmailIndex = emailIndex;
        SealedEmail = sealedEmail;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    /// <summary>The keyed hash of the address (the same as a customer's for the same address).</summary>
    public string EmailIndex { get; private set; } = "";

    public byte[] SealedEmail { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the address confirmed; null while the confirmation link has not been followed.</summary>
    public DateTimeOffset? ConfirmedAt { get; private set; }

    public void Confirm(DateTimeOffset now) => ConfirmedAt ??= now;
}

/// <summary>What a newsletter address must look like: one <c>@</c> between a local part and a dotted domain, at most 254 characters.</summary>
public static class NewsletterAddress
{
    public const int MaxLength = 254;

    public static bool IsValid(string email) =>
        email.Length is > 0 and <= MaxLength && email.IndexOf('@') is > 0 and var at && at == email.LastIndexOf('@')
        && email.IndexOf('.', at) > at + 1 && !email.EndsWith('.') && !email.Any(char.IsWhiteSpace);
}
