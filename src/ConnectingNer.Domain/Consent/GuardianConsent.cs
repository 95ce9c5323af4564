namespace ConnectingNer.Domain.Consent;

/// <summary>
/// A verified guardian's decision for a minor (DPDP Act §9): an adult account that confirmed through a link sent to
/// its address, or withdrew. Rows are only added; the latest counts. While it grants, the minor's own toggles hold.
/// </summary>
public sealed class GuardianConsent
{
    private GuardianConsent() { }

    public GuardianConsent(Guid minorId, Guid guardianId, bool granted, DateTimeOffset recordedAt)
    {
        MinorId = minorId;
        GuardianId = guardianId;
        Granted = granted;
        RecordedAt = recordedAt;
    }

    public int Id { get; private set; }

    public Guid MinorId { get; private set; }

    public Guid GuardianId { get; private set; }

    public bool Granted { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}
