namespace ConnectingNer.Application.PrivacyRequests;

/// <summary>Something that will be deleted: what, and how much.</summary>
public sealed record ErasureItem(string Category, string Description, int Count);

/// <summary>Something that must be kept: what, how much, why, and until when (null: as long as the reason lasts).</summary>
public sealed record ErasureKeptItem(string Category, string Description, int Count, string Reason, DateTimeOffset? Until);

/// <summary>What stops the erasure now: a legal hold, open orders.</summary>
public sealed record ErasureBlocker(string Code, string Message);

/// <summary>What an erasure would do for this customer, now.</summary>
public sealed record ErasurePreview(
    IReadOnlyList<ErasureItem> Deleted,
    IReadOnlyList<ErasureKeptItem> Kept,
    IReadOnlyList<ErasureBlocker> Blockers,
    IReadOnlyList<string> PartnersNotified)
{
    public bool CanErase => Blockers.Count == 0;
}

/// <summary>An erasure notice as its partner sees it.</summary>
public sealed record ErasureNoticeReadModel(int Id, Guid? CustomerId, IReadOnlyList<string> OrderNumbers, IReadOnlyList<string> Categories,
    DateTimeOffset ErasedAt, DateTimeOffset? AcknowledgedAt);

/// <summary>
/// Erases a customer (Infrastructure: it reaches every table that holds them, the identity server's included). The
/// caller runs it inside the command's transaction, so it happens whole or not at all.
/// </summary>
public interface IPersonalDataEraser
{
    Task<ErasurePreview> PreviewAsync(Guid customerId, CancellationToken cancellationToken);

    /// <summary>
    /// Destroys the customer's data key and deletes or pseudonymises everything of theirs; queues erasure notices for
    /// the partners that received their data; records the erasure with the counts of <paramref name="preview"/> (the
    /// caller's, taken in the same transaction to check for blockers). Returns the pseudonym now standing for them.
    /// </summary>
    Task<Guid> EraseAsync(Guid customerId, int requestId, ErasurePreview preview, CancellationToken cancellationToken);

    /// <summary>Erases a newsletter subscriber without an account: its key, its row; its consent records kept under a pseudonym.</summary>
    Task<Guid> EraseSubscriberAsync(Guid subscriberId, int requestId, CancellationToken cancellationToken);
}
