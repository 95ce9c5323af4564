namespace ConnectingNer.Application.Privacy;

/// <summary>
/// The record of personal data shown to anyone but its subject. Resolvers note each disclosure; the request writes
/// one event per subject when it completes (and fails rather than answer without its record).
/// </summary>
public interface IDisclosureLedger
{
    void Record(Guid subjectId, string category, string field, bool masked);
}

/// <summary>Writes the collected disclosures; the GraphQL execution calls it once, when the request's execution ends.</summary>
public interface IDisclosureLedgerWriter
{
    /// <summary>Whether the request disclosed anything yet (when not, there is nothing to write).</summary>
    bool HasPending { get; }

    Task FlushAsync(string? operationName, string documentHash, CancellationToken cancellationToken);
}
