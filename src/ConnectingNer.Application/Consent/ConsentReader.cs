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
/// age and restrictions: what the consent queries show and what processing checks before it uses personal data. Scoped:
/// the purposes and the policy versions are read once per request.
/// </summary>
public sealed class ConsentReader(IApplicationDbContext db, ICustomerReader customers, TimeProvider clock)
{
    private PolicyTerms? _terms;
    private IReadOnlyList<string>? _purposes;

    public async Task<PolicyTerms> TermsAsync(CancellationToken cancellationToken)
    {
        if (_terms is not null) return _terms;
        var versions = await db.PrivacyPolicyVersions.AsNoTracking().OrderBy(v => v.PublishedAt)
            .Select(v => new { v.Version, v.Material }).ToListAsync(cancellationToken);
        if (versions.Count == 0) throw new InvalidOperationException("No privacy policy is published: the migrations publish the first one.");
        var lastMaterial = versions.FindLastIndex(v => v.Material);
        var counting = versions.Skip(Math.Max(lastMaterial, 0)).Select(v => v.Version).ToHashSet(StringComparer.Ordinal);
        return _terms = new PolicyTerms(versions[^1].Version, counting, versions.Select(v => v.Version).ToHashSet(StringComparer.Ordinal));
    }

    public async Task<IReadOnlyList<string>> PurposeCodesAsync(CancellationToken cancellationToken) =>
        _purposes ??= await db.ConsentPurposes.AsNoTracking().OrderBy(p => p.Position).Select(p => p.Code).ToListAsync(cancellationToken);

    public async Task<ConsentState> ForCustomerAsync(Guid customerId, CancellationToken cancellationToken) =>
        (await ForCustomersAsync([customerId], cancellationToken))[customerId];

    public async Task<ConsentState> ForAsync(ConsentSubject subject, CancellationToken cancellationToken)
    {
        if (subject.IsCustomer) return await ForCustomerAsync(subject.Id, cancellationToken);
        var records = await RecordsOf(subject).AsNoTracking().ToListAsync(cancellationToken);
        return ConsentState.From(records, await PurposeCodesAsync(cancellationToken), (await TermsAsync(cancellationToken)).CountingVersions, false);
    }

    /// <summary>
    /// Several customers' consent at once (a page of a staff list): their records, profiles (for the minor rule),
    /// guardians and restrictions in a fixed number of statements, whatever the number of customers.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, ConsentState>> ForCustomersAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var records = (await db.ConsentRecords.AsNoTracking().Where(r => r.CustomerId != null && ids.Contains(r.CustomerId.Value)).ToListAsync(cancellationToken))
            .ToLookup(r => r.CustomerId!.Value);
        var minors = await MinorsWithoutGuardianAsync((await customers.LoadAsync(ids, cancellationToken)).Values, cancellationToken);
        var restrictions = await RestrictionsAsync(ids, cancellationToken);
        var purposes = await PurposeCodesAsync(cancellationToken);
        var counting = (await TermsAsync(cancellationToken)).CountingVersions;
        return ids.Distinct().ToDictionary(id => id,
            id => ConsentState.From(records[id], purposes, counting, minors.Contains(id), restrictions.GetValueOrDefault(id)));
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
    public async Task<Func<string, bool>?> RestrictionAsync(Guid customerId, CancellationToken cancellationToken) =>
        (await RestrictionsAsync([customerId], cancellationToken)).GetValueOrDefault(customerId);

    /// <summary><see cref="RestrictionAsync"/> for several customers in one statement; customers with none in force are absent.</summary>
    public async Task<IReadOnlyDictionary<Guid, Func<string, bool>>> RestrictionsAsync(IReadOnlyCollection<Guid> customerIds, CancellationToken cancellationToken)
    {
        var rows = await db.PrivacyRequests.AsNoTracking()
            .Where(r => customerIds.Contains(r.CustomerId) && (r.Type == PrivacyRequestType.Restriction || r.Type == PrivacyRequestType.Objection)
                && r.Status != PrivacyRequestStatus.Rejected && r.LiftedAt == null)
            .Select(r => new { r.CustomerId, r.Purposes }).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.CustomerId).ToDictionary(g => g.Key, g =>
        {
            if (g.Any(r => r.Purposes is not { Count: > 0 })) return (Func<string, bool>)(purpose => purpose != ConsentPurpose.Essential);
            var stopped = g.SelectMany(r => r.Purposes!).ToHashSet(StringComparer.Ordinal);
            return stopped.Contains;
        });
    }

    /// <summary>
    /// A customer under 18 by their birth date: tracking, personalisation and marketing stay off whatever their toggles
    /// say (DPDP Act §9) until a verified guardian consents.
    /// </summary>
    private async Task<bool> IsMinorWithoutGuardianAsync(Guid customerId, CancellationToken cancellationToken) =>
        (await MinorsWithoutGuardianAsync((await customers.LoadAsync([customerId], cancellationToken)).Values, cancellationToken)).Contains(customerId);

    /// <summary>True for a customer whose birth date makes them under 18 today.</summary>
    public bool IsMinor(Customers.ReadModels.CustomerReadModel customer) =>
        customer.BirthDate is { } born && born.AddYears(Domain.Customers.Customer.LegalAge) > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

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
