using ConnectingNer.Domain.Common;

namespace ConnectingNer.Domain.PrivacyRequests;

/// <summary>
/// The record that an erasure happened (DPDP Act §12, GDPR Art. 17): when, under which request, and how many rows of
/// each kind were deleted or kept — counts, never content. The person is named only by the pseudonym that replaced
/// their id in what the law makes the shop keep (invoices, consent records, the disclosure ledger, the requests).
/// </summary>
public sealed class ErasureRecord
{
    private ErasureRecord() { }

    public ErasureRecord(int requestId, Guid pseudonym, DateTimeOffset erasedAt, IEnumerable<string> counts)
    {
        RequestId = requestId;
        Pseudonym = pseudonym;
        ErasedAt = erasedAt;
        Counts = [.. counts];
    }

    public int Id { get; private set; }

    public int RequestId { get; private set; }

    public Guid Pseudonym { get; private set; }

    public DateTimeOffset ErasedAt { get; private set; }

    /// <summary><c>what=count</c>, e.g. <c>events.deleted=12</c>, <c>invoices.kept=3</c>.</summary>
    public List<string> Counts { get; private set; } = [];
}

/// <summary>
/// An erasure notice for a partner that received the person's data: which customer (their id, the only way the
/// partner knows them) and which orders, until the partner acknowledges it; then the id is cleared and only the fact
/// remains.
/// </summary>
public sealed class ErasureNotice
{
    private ErasureNotice() { }

    public ErasureNotice(string partnerId, Guid customerId, IEnumerable<string> orderNumbers, IEnumerable<string> categories, DateTimeOffset erasedAt)
    {
        PartnerId = partnerId;
        CustomerId = customerId;
        OrderNumbers = [.. orderNumbers];
        Categories = [.. categories];
        ErasedAt = erasedAt;
    }

    public int Id { get; private set; }

    public string PartnerId { get; private set; } = "";

    /// <summary>The erased customer's id, until the partner acknowledges the notice.</summary>
    public Guid? CustomerId { get; private set; }

    public List<string> OrderNumbers { get; private set; } = [];

    /// <summary>The data categories the partner was shown (from the disclosure ledger).</summary>
    public List<string> Categories { get; private set; } = [];

    public DateTimeOffset ErasedAt { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    /// <summary>The partner says it erased its copy: the customer's id is no longer needed, and goes.</summary>
    public Result Acknowledge(DateTimeOffset now)
    {
        if (AcknowledgedAt is not null) return new Error("erasure_notice.acknowledged", "The notice was acknowledged already.", "noticeId");
        AcknowledgedAt = now;
        CustomerId = null;
        return Result.Success();
    }
}
