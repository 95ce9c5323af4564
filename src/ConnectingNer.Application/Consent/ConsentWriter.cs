using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Consent.ReadModels;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Consent;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Consent;

/// <summary>A decision as a person sends it.</summary>
public sealed record ConsentChoice(string Purpose, bool Granted);

public enum ConsentSubjectKind
{
    Customer,
    Device,

    /// <summary>A newsletter subscriber without an account.</summary>
    Subscriber,
}

/// <summary>Whose consent: a customer, an anonymous device, or a newsletter subscriber without an account.</summary>
public readonly record struct ConsentSubject(Guid Id, ConsentSubjectKind Kind)
{
    public static ConsentSubject Customer(Guid id) => new(id, ConsentSubjectKind.Customer);

    public static ConsentSubject Device(Guid id) => new(id, ConsentSubjectKind.Device);

    public static ConsentSubject Subscriber(Guid id) => new(id, ConsentSubjectKind.Subscriber);

    public bool IsCustomer => Kind == ConsentSubjectKind.Customer;

    public string Type => Kind.ToString().ToLowerInvariant();
}

/// <summary>
/// Checks decisions against the purposes, appends them (never changes a record) and answers with the subject's
/// consent as it now stands and a signed receipt of what was decided.
/// </summary>
public sealed class ConsentWriter(IApplicationDbContext db, ConsentReader reader, IConsentReceipts receipts, ICurrentUser user, TimeProvider clock)
{
    public const int MaxDecisions = 20;

    /// <summary>Unknown purposes, a purpose twice and withdrawing essential processing are refused, each at its field.</summary>
    public async Task<IReadOnlyList<Error>> CheckAsync(IReadOnlyList<ConsentChoice> decisions, CancellationToken cancellationToken)
    {
        if (decisions.Count == 0) return [ConsentErrors.NoDecisions()];
        if (decisions.Count > MaxDecisions) return [ConsentErrors.TooManyDecisions(MaxDecisions)];
        var known = (await reader.PurposeCodesAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var errors = new List<Error>();
        for (var i = 0; i < decisions.Count; i++)
        {
            var (purpose, granted) = decisions[i];
            var field = $"decisions[{i}].purpose";
            if (!known.Contains(purpose)) errors.Add(ConsentErrors.UnknownPurpose(field));
            else if (!seen.Add(purpose)) errors.Add(ConsentErrors.DuplicatePurpose(field));
            else if (purpose == ConsentPurpose.Essential && !granted) errors.Add(ConsentErrors.EssentialNotWithdrawable($"decisions[{i}].granted"));
        }

        return errors;
    }

    public async Task<Result<ConsentReceiptReadModel>> RecordAsync(ConsentSubject subject, IReadOnlyList<ConsentChoice> decisions, string policyVersion,
        ConsentSource source, CancellationToken cancellationToken)
    {
        var errors = await CheckAsync(decisions, cancellationToken);
        if (errors.Count > 0) return Result<ConsentReceiptReadModel>.FromErrors(errors);
        var now = clock.GetUtcNow();
        var records = decisions.Select(d => subject.Kind switch
        {
            ConsentSubjectKind.Device => ConsentRecord.ForDevice(subject.Id, d.Purpose, d.Granted, policyVersion, source, now, user.ClientId),
            ConsentSubjectKind.Subscriber => ConsentRecord.ForSubscriber(subject.Id, d.Purpose, d.Granted, policyVersion, source, now, user.ClientId),
            _ => ConsentRecord.ForCustomer(subject.Id, d.Purpose, d.Granted, policyVersion, source, now, user.ClientId),
        }).ToList();
        db.ConsentRecords.AddRange(records);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(await AnswerAsync(subject, records, cancellationToken));
    }

    /// <summary>The subject's consent now, and a receipt for <paramref name="recorded"/> (the records just appended).</summary>
    public async Task<ConsentReceiptReadModel> AnswerAsync(ConsentSubject subject, IReadOnlyList<ConsentRecord> recorded, CancellationToken cancellationToken)
    {
        var state = await reader.ForAsync(subject, cancellationToken);
        var terms = await reader.TermsAsync(cancellationToken);
        if (recorded.Count == 0) return new ConsentReceiptReadModel(state.Decisions, terms.CurrentVersion, null);
        var last = recorded[^1];
        var receipt = receipts.Sign(new ConsentReceiptContent(
            $"{subject.Type}:{subject.Id:N}:{string.Join('.', recorded.Select(r => r.Id))}", subject.Type, subject.Id.ToString(),
            [.. recorded.Select(r => new ReceiptDecision(r.Purpose, r.Granted))], last.PolicyVersion, last.Source, last.RecordedAt, last.ClientId));
        return new ConsentReceiptReadModel(state.Decisions, terms.CurrentVersion, receipt);
    }
}
