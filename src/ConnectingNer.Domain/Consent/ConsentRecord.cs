namespace ConnectingNer.Domain.Consent;

/// <summary>
/// One consent decision, never changed: a trigger refuses updates and deletes of <c>consent_records</c>. The subject is
/// a customer, an anonymous device or a newsletter subscriber without an account; the current state is derived from
/// the records (<see cref="ConsentState"/>).
/// A customer's record copied from a device when they signed in keeps the device's id and the decision's time.
/// </summary>
public sealed class ConsentRecord
{
    private ConsentRecord() { }

    private ConsentRecord(Guid? customerId, Guid? deviceId, string purpose, bool granted, string policyVersion, ConsentSource source,
        DateTimeOffset recordedAt, string? clientId, Guid? subscriberId = null)
    {
        CustomerId = customerId;
        DeviceId = deviceId;
        SubscriberId = subscriberId;
        Purpose = purpose;
        Granted = granted;
        PolicyVersion = policyVersion;
        Source = source;
        RecordedAt = recordedAt;
        ClientId = clientId;
    }

    public int Id { get; private set; }

    /// <summary>The customer decided (or a device's decision was merged into their history: then <see cref="DeviceId"/> is set too).</summary>
    public Guid? CustomerId { get; private set; }

    public Guid? DeviceId { get; private set; }

    /// <summary>A newsletter subscriber without an account (see <see cref="NewsletterSubscriber"/>).</summary>
    public Guid? SubscriberId { get; private set; }

    public string Purpose { get; private set; } = "";

    public bool Granted { get; private set; }

    /// <summary>The privacy policy version in force when the decision was made.</summary>
    public string PolicyVersion { get; private set; } = "";

    public ConsentSource Source { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The OAuth client used (the web shop, the app), when known.</summary>
    public string? ClientId { get; private set; }

    public static ConsentRecord ForCustomer(Guid customerId, string purpose, bool granted, string policyVersion, ConsentSource source,
        DateTimeOffset at, string? clientId) => new(customerId, null, purpose, granted, policyVersion, source, at, clientId);

    public static ConsentRecord ForDevice(Guid deviceId, string purpose, bool granted, string policyVersion, ConsentSource source,
        DateTimeOffset at, string? clientId) => new(null, deviceId, purpose, granted, policyVersion, source, at, clientId);

    public static ConsentRecord ForSubscriber(Guid subscriberId, string purpose, bool granted, string policyVersion, ConsentSource source,
        DateTimeOffset at, string? clientId) => new(null, null, purpose, granted, policyVersion, source, at, clientId, subscriberId);

    /// <summary>A device's decision entering a customer's history on sign-in: same decision, version, source and time.</summary>
    public ConsentRecord MergedInto(Guid customerId) => new(customerId, DeviceId, Purpose, Granted, PolicyVersion, Source, RecordedAt, ClientId);
}
