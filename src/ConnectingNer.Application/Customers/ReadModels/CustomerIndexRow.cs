using ConnectingNer.Application.Privacy;

namespace ConnectingNer.Application.Customers.ReadModels;

/// <summary>One customer in a staff list (or the signed-in customer) before their data is decrypted.</summary>
public sealed class CustomerIndexRow : IPersonalDataSubject
{
    /// <summary>The customer's sequence number (the list's key).</summary>
    public int Id { get; set; }

    public Guid SubjectId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? EmailIndex { get; set; }

    public bool EmailConfirmed { get; set; }
}
