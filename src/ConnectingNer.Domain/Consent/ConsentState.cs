namespace ConnectingNer.Domain.Consent;

/// <summary>Why a granted purpose does not hold now.</summary>
public enum ConsentSuspension
{
    /// <summary>Granted under a policy version older than the latest material change: the person must confirm it again.</summary>
    PolicyReviewRequired,

    /// <summary>The person is under 18 and no verified guardian has consented (DPDP Act §9).</summary>
    MinorWithoutGuardian,

    /// <summary>The person asked the shop to stop using their data for it (a restriction or an objection in force).</summary>
    RestrictedByRequest,
}

/// <summary>A purpose as it stands for one person or device: the latest decision, and whether processing may run on it now.</summary>
public sealed record ConsentDecision(
    string Purpose, bool Granted, string? PolicyVersion, ConsentSource? Source, DateTimeOffset? RecordedAt, bool Holds, ConsentSuspension? Suspension);

/// <summary>
/// The current consent of one subject, derived from their append-only records: per purpose the latest decision wins
/// (by time, then by record order). Essential processing always holds. A granted purpose holds only while its decision
/// was made under a policy version that still counts (none older than the latest material change) and, for a minor,
/// a verified guardian has consented.
/// </summary>
public sealed class ConsentState
{
    private readonly Dictionary<string, ConsentDecision> _byPurpose;

    private ConsentState(Dictionary<string, ConsentDecision> byPurpose, IReadOnlyList<ConsentDecision> decisions)
    {
        _byPurpose = byPurpose;
        Decisions = decisions;
    }

    /// <summary>One decision per purpose, in the purposes' order.</summary>
    public IReadOnlyList<ConsentDecision> Decisions { get; }

    /// <summary>True when a granted purpose waits for the person to accept the current policy.</summary>
    public bool ReviewRequired => Decisions.Any(d => d.Suspension == ConsentSuspension.PolicyReviewRequired);

    /// <param name="records">The subject's records, in any order.</param>
    /// <param name="purposes">Every purpose's code, in display order.</param>
    /// <param name="countingVersions">The policy versions whose consents count: the latest material one and every later one.</param>
    /// <param name="minorWithoutGuardian">The subject is a minor with no verified guardian's consent.</param>
    /// <param name="restricted">The purposes a restriction or objection in force stops (null when there is none).</param>
    public static ConsentState From(IEnumerable<ConsentRecord> records, IEnumerable<string> purposes, IReadOnlySet<string> countingVersions,
        bool minorWithoutGuardian, Func<string, bool>? restricted = null)
    {
        var latest = new Dictionary<string, ConsentRecord>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (!latest.TryGetValue(record.Purpose, out var seen) || IsNewer(record, seen)) latest[record.Purpose] = record;
        }

        var byPurpose = new Dictionary<string, ConsentDecision>(StringComparer.Ordinal);
        var decisions = new List<ConsentDecision>();
        foreach (var purpose in purposes)
        {
            var decision = Decide(purpose, latest.GetValueOrDefault(purpose), countingVersions, minorWithoutGuardian, restricted);
            byPurpose[purpose] = decision;
            decisions.Add(decision);
        }

        return new ConsentState(byPurpose, decisions);
    }

    /// <summary>True when processing for <paramref name="purpose"/> may run now; an unknown purpose never holds.</summary>
    public bool Holds(string purpose) => _byPurpose.TryGetValue(purpose, out var decision) && decision.Holds;

    public ConsentDecision? For(string purpose) => _byPurpose.GetValueOrDefault(purpose);

    private static ConsentDecision Decide(string purpose, ConsentRecord? record, IReadOnlySet<string> countingVersions, bool minorWithoutGuardian,
        Func<string, bool>? restricted)
    {
        if (purpose == ConsentPurpose.Essential)
            return new ConsentDecision(purpose, true, record?.PolicyVersion, record?.Source, record?.RecordedAt, true, null);
        if (record is not { Granted: true })
            return new ConsentDecision(purpose, false, record?.PolicyVersion, record?.Source, record?.RecordedAt, false, null);

        ConsentSuspension? suspension = !countingVersions.Contains(record.PolicyVersion) ? ConsentSuspension.PolicyReviewRequired
            : minorWithoutGuardian && ConsentPurpose.TrackingOrMarketing.Contains(purpose) ? ConsentSuspension.MinorWithoutGuardian
            : restricted?.Invoke(purpose) == true ? ConsentSuspension.RestrictedByRequest
            : null;
        return new ConsentDecision(purpose, true, record.PolicyVersion, record.Source, record.RecordedAt, suspension is null, suspension);
    }

    private static bool IsNewer(ConsentRecord candidate, ConsentRecord seen) =>
        candidate.RecordedAt > seen.RecordedAt || (candidate.RecordedAt == seen.RecordedAt && candidate.Id > seen.Id);
}
