using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Customers;
using ConnectingNer.Application.PrivacyRequests;
using ConnectingNer.Domain.Consent;
using ConnectingNer.Domain.PrivacyRequests;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Consent;

/// <summary>The policy versions that matter to consent: the current one, and those whose consents still count.</summary>
public sealed record PolicyTerms(string CurrentVersion, IReadOnlySet<string> CountingVersions, IReadOnlySet<string> AllVersions);

/// <summary>
/// Derives a subject's consent now, from their records, the purposes, the policy versions and (for a customer) their
/// age: what the consent queries show and what processing checks before it uses personal data.
/// </summary>
public sealed class ConsentReader(IApplicationDbContext db, ICustomerReader customers, TimeProvider clock)
{
    public async Task<PolicyTerms> TermsAsync(CancellationToken cancellationToken)
    {
        var versions = await db.PrivacyPolicyVersions.AsNoTracking().OrderBy(v => v.PublishedAt)
            .Select(v => new { v.Version, v.Material }).ToListAsync(cancellationToken);
        if (versions.Count == 0) throw new InvalidOperationException("No privacy policy is published: the migrations publish the first one.");
        var lastMaterial = versions.FindLastIndex(v => v.Material);
        var counting = versions.Skip(Math.Max(lastMaterial, 0)).Select(v => v.Version).ToHashSet(StringComparer.Ordinal);
        return new PolicyTerms(versions[^1].Version, counting, versions.Select(v => v.Version).ToHashSet(StringComparer.Ordinal));
    }

    public async Task<IReadOnlyList<string>> PurposeCodesAsync(CancellationToken cancellationToken) =>
        await db.ConsentPurposes.AsNoTracking().OrderBy(p => p.Position).Select(p => p.Code).ToListAsync(cancellationToken);

    public Task<ConsentState> ForCustomerAsync(Guid customerId, CancellationToken cancellationToken) =>
        ForAsync(ConsentSubject.Customer(customerId), cancellationToken);

    public async Task<ConsentState> ForAsync(ConsentSubject subject, CancellationToken cancellationToken)
    {
        var records = await RecordsOf(subject).AsNoTracking().ToListAsync(cancellationToken);
        var minor = subject.IsCustomer && await IsMinorWithoutGuardianAsync(subject.Id, cancellationToken);
        var restricted = subject.IsCustomer ? await RestrictionAsync(subject.Id, cancellationToken) : null;
        return ConsentState.From(records, await PurposeCodesAsync(cancellationToken), (await TermsAsync(cancellationToken)).CountingVersions, minor,
            restricted);
    }

    /// <summary>
    /// The subject's own records: a customer's (their devices' merged decisions included), a device's or a
    /// subscriber's that belong to no customer.
    /// </summary>
    public IQueryable<ConsentRecord> RecordsOf(ConsentSubject subject)
    {
        var id = subject.Id;
        return subject.Kind switch
        {
            ConsentSubjectKind.Device => db.ConsentRecords.Where(r => r.DeviceId == id && r.CustomerId == null),
            ConsentSubjectKind.Subscriber => db.ConsentRecords.Where(r => r.SubscriberId == id && r.CustomerId == null),
            _ => db.ConsentRecords.Where(r => r.CustomerId == id),
        };
    }

    /// <summary>
    /// Whether processing for <paramref name="purpose"/> may run now for the subject, as <see cref="ConsentState.Holds"/>
    /// would say, at the cost of what is checked where it is used: one statement for the latest decision and whether its
    /// policy version still counts; for a customer who granted it, their age as well.
    /// </summary>
    public async Task<(bool Holds, ConsentSuspension? Suspension)> HoldsAsync(ConsentSubject subject, string purpose, CancellationToken cancellationToken)
    {
        if (purpose == ConsentPurpose.Essential) return (true, null);
        var records = RecordsOf(subject);
        var versions = db.PrivacyPolicyVersions;
        var latest = await records.Where(r => r.Purpose == purpose)
            .OrderByDescending(r => r.RecordedAt).ThenByDescending(r => r.Id)
            // A decision counts while no material version was published after the version it was made under.
            .Select(r => new
            {
                r.Granted,
                Counting = !versions.Any(v => v.Material && v.PublishedAt > versions.Where(m => m.Version == r.PolicyVersion).Select(m => m.PublishedAt).First()),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (latest is not { Granted: true }) return (false, null);
        if (!latest.Counting) return (false, ConsentSuspension.PolicyReviewRequired);
        if (subject.IsCustomer && ConsentPurpose.TrackingOrMarketing.Contains(purpose) && await IsMinorWithoutGuardianAsync(subject.Id, cancellationToken))
            return (false, ConsentSuspension.MinorWithoutGuardian);
        if (subject.IsCustomer && (await RestrictionAsync(subject.Id, cancellationToken))?.Invoke(purpose) == true)
            return (false, ConsentSuspension.RestrictedByRequest);
        return (true, null);
    }

    /// <summary>
    /// The purposes the customer's restrictions and objections in force stop (every one but essential processing when
    /// one names none); null when none is in force.
    /// </summary>
    public async Task<Func<string, bool>?> RestrictionAsync(Guid customerId, CancellationToken cancellationToken)
    {
        var lists = await db.PrivacyRequests.AsNoTracking()
            .Where(r => r.CustomerId == customerId && (r.Type == PrivacyRequestType.Restriction || r.Type == PrivacyRequestType.Objection)
                && r.Status != PrivacyRequestStatus.Rejected && r.LiftedAt == null)
            .Select(r => r.Purposes).ToListAsync(cancellationToken);
        if (lists.Count == 0) return null;
        if (lists.Any(l => l is not { Count: > 0 })) return purpose => purpose != ConsentPurpose.Essential;
        var stopped = lists.SelectMany(l => l!).ToHashSet(StringComparer.Ordinal);
        return stopped.Contains;
    }

    /// <summary>
    /// A customer under 18 by their birth date: tracking, personalisation and marketing stay off whatever their toggles
    /// say (DPDP Act §9) until a verified guardian consents.
    /// </summary>
    private async Task<bool> IsMinorWithoutGuardianAsync(Guid customerId, CancellationToken cancellationToken)
    {
        var found = await customers.LoadAsync([customerId], cancellationToken);
        return found.TryGetValue(customerId, out var customer) && IsMinor(customer) && !await HasGuardianConsentAsync(customerId, cancellationToken);
    }

    /// <summary>True for a customer whose birth date makes them under 18 today.</summary>
    public bool IsMinor(Customers.ReadModels.CustomerReadModel customer) =>
        customer.BirthDate is { } born && born.AddYears(Domain.Customers.Customer.LegalAge) > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>True while the latest decision of a verified guardian for the minor grants.</summary>
    public async Task<bool> HasGuardianConsentAsync(Guid minorId, CancellationToken cancellationToken) =>
        await db.GuardianConsents.AsNoTracking().Where(g => g.MinorId == minorId).OrderByDescending(g => g.Id)
            .Select(g => (bool?)g.Granted).FirstOrDefaultAsync(cancellationToken) == true;

    /// <summary>The minors among <paramref name="people"/> that no verified guardian consents for (several at once).</summary>
    public async Task<IReadOnlySet<Guid>> MinorsWithoutGuardianAsync(IEnumerable<Customers.ReadModels.CustomerReadModel> people, CancellationToken cancellationToken)
    {
        var minors = people.Where(IsMinor).Select(p => p.SubjectId).ToList();
        if (minors.Count == 0) return new HashSet<Guid>();
        var latest = await db.GuardianConsents.AsNoTracking().Where(g => minors.Contains(g.MinorId))
            .GroupBy(g => g.MinorId).Select(g => new { Minor = g.Key, Last = g.Max(x => x.Id) }).ToListAsync(cancellationToken);
        var lastIds = latest.Select(l => l.Last).ToList();
        var granted = await db.GuardianConsents.AsNoTracking().Where(g => lastIds.Contains(g.Id) && g.Granted).Select(g => g.MinorId).ToListAsync(cancellationToken);
        return minors.Except(granted).ToHashSet();
    }
}
