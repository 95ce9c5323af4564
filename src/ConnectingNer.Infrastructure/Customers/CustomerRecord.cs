namespace ConnectingNer.Infrastructure.Customers;

/// <summary>
/// A customer's row: nothing readable but the id, a sequence number for paging and dates; the profile (email,
/// name, phone, birth date, addresses) is one AES-GCM ciphertext under the customer's data key.
/// </summary>
public sealed class CustomerRecord
{
    public Guid Id { get; set; }

    /// <summary>A plain sequence number: the stable key of staff lists (cursor paging).</summary>
    public int Number { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public byte[] PersonalData { get; set; } = [];
}
