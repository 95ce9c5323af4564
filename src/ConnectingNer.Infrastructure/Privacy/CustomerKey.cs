namespace ConnectingNer.Infrastructure.Privacy;

/// <summary>A customer's data key, wrapped by a master key. Deleting this row crypto-shreds the customer's profile.</summary>
public sealed class CustomerKey
{
    public Guid CustomerId { get; set; }

    public string MasterKeyId { get; set; } = "";

    public byte[] WrappedKey { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RewrappedAt { get; set; }
}
