namespace ConnectingNer.Domain.PrivacyRequests;

/// <summary>
/// A customer's nominee (DPDP Act §14): someone who may exercise the customer's rights on their behalf, in the event of
/// death or incapacity. The nominee's name, address and relation are sealed with the customer's data key; the address's
/// keyed hash recognises the nominee's own account. A newer nomination replaces the older; withdrawing ends it.
/// </summary>
public sealed class Nomination
{
    public const int NameMaxLength = 100;
    public const int RelationMaxLength = 50;

    private Nomination() { }

    public Nomination(Guid customerId, string nomineeEmailIndex, byte[] sealedNominee, DateTimeOffset now)
    {
        CustomerId = customerId;
        NomineeEmailIndex = nomineeEmailIndex;
        SealedNominee = sealedNominee;
        NominatedAt = now;
    }

    public int Id { get; private set; }

    public Guid CustomerId { get; private set; }

    public string NomineeEmailIndex { get; private set; } = "";

    public byte[] SealedNominee { get; private set; } = [];

    public DateTimeOffset NominatedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public void End(DateTimeOffset now) => EndedAt ??= now;
}
