namespace ConnectingNer.Domain.PrivacyRequests;

/// <summary>
/// The file an access request produced: everything held about the person, as JSON, sealed with their data key (so
/// erasing them erases it too), downloadable through a signed link until it expires and is deleted.
/// </summary>
public sealed class DataExport
{
    /// <summary>How long the download link works; the retention job deletes the file after it.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private DataExport() { }

    public DataExport(Guid id, int requestId, Guid customerId, DateTimeOffset createdAt, int sizeInBytes, byte[] content)
    {
        Id = id;
        RequestId = requestId;
        CustomerId = customerId;
        CreatedAt = createdAt;
        ExpiresAt = createdAt + Lifetime;
        SizeInBytes = sizeInBytes;
        Content = content;
    }

    public Guid Id { get; private set; }

    public int RequestId { get; private set; }

    public Guid CustomerId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>The JSON's size before sealing.</summary>
    public int SizeInBytes { get; private set; }

    /// <summary>The JSON, sealed (AES-GCM) with the customer's data key.</summary>
    public byte[] Content { get; private set; } = [];
}
