using ConnectingNer.Domain.Common;

namespace ConnectingNer.Domain.PrivacyRequests;

public enum PrivacyRequestType
{
    Access,
    Portability,
    Correction,
    Erasure,
    Restriction,
    Objection,
    Nomination,
    Grievance,
}

public enum PrivacyRequestStatus
{
    Received,
    Verified,
    InProgress,
    Completed,
    Rejected,
}

/// <summary>The law whose clock a request runs on: India's DPDP Act, or the GDPR for customers in the EU.</summary>
public enum PrivacyRegime
{
    Dpdp,
    Gdpr,
}

/// <summary>One step of a request's life, on record: when, who, from which status to which, and why.</summary>
public sealed class PrivacyRequestStep
{
    private PrivacyRequestStep() { }

    public PrivacyRequestStep(DateTimeOffset at, string actor, PrivacyRequestStatus? from, PrivacyRequestStatus to, string? note)
    {
        At = at;
        Actor = actor;
        From = from;
        To = to;
        Note = note;
    }

    public int Id { get; private set; }

    public int RequestId { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary><c>customer</c>, or <c>staff:&lt;id&gt;</c>.</summary>
    public string Actor { get; private set; } = "";

    public PrivacyRequestStatus? From { get; private set; }

    public PrivacyRequestStatus To { get; private set; }

    public string? Note { get; private set; }
}

/// <summary>
/// A person's request about their data (access, erasure, a grievance, …): RECEIVED → VERIFIED → IN_PROGRESS →
/// COMPLETED, or REJECTED with a reason, due by the regime's clock (a GDPR request may be extended once, by up to two
/// months, with a recorded reason). Every step is on record.
/// </summary>
public sealed class PrivacyRequest : Entity
{
    public const int DetailsMaxLength = 2000;
    public const int NoteMaxLength = 2000;

    private readonly List<PrivacyRequestStep> _steps = [];

    private PrivacyRequest() { }

    public Guid CustomerId { get; private set; }

    public PrivacyRequestType Type { get; private set; }

    public PrivacyRequestStatus Status { get; private set; }

    public PrivacyRegime Regime { get; private set; }

    public string? Subject { get; private set; }

    public string? Details { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    public DateTimeOffset? ExtendedAt { get; private set; }

    public string? ExtensionReason { get; private set; }

    /// <summary>The staff account handling it.</summary>
    public string? AssignedTo { get; private set; }

    /// <summary>The answer (completed) or the reason (rejected), shown to the customer.</summary>
    public string? Resolution { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>
    /// For a restriction or an objection: the purposes it stops (empty: every purpose but essential processing). It
    /// is in force from the moment it is received until the customer lifts it or the officer rejects it.
    /// </summary>
    public List<string>? Purposes { get; private set; }

    public DateTimeOffset? LiftedAt { get; private set; }

    /// <summary>The nominee's account when a nominee opened the request on the customer's behalf (DPDP Act §14).</summary>
    public Guid? OpenedByNominee { get; private set; }

    public bool Restricts => Type is PrivacyRequestType.Restriction or PrivacyRequestType.Objection && Status != PrivacyRequestStatus.Rejected && LiftedAt is null;

    public IReadOnlyList<PrivacyRequestStep> Steps => _steps;

    public bool IsOpen => Status is PrivacyRequestStatus.Received or PrivacyRequestStatus.Verified or PrivacyRequestStatus.InProgress;

    /// <summary>The human-readable reference, given as the acknowledgement (<c>PR-2026-000042</c>).</summary>
    public static string ReferenceOf(int id, DateTimeOffset receivedAt) => $"PR-{receivedAt.Year}-{id:D6}";

    /// <summary>
    /// A new request. A grievance or a correction needs no proof of identity beyond the sign-in, so it is verified at
    /// once; the other types wait for their identity check.
    /// </summary>
    public static Result<PrivacyRequest> Receive(Guid customerId, PrivacyRequestType type, PrivacyRegime regime, string? subject, string? details,
        DateTimeOffset dueAt, DateTimeOffset now)
    {
        var text = string.IsNullOrWhiteSpace(details) ? null : details.Trim();
        var title = string.IsNullOrWhiteSpace(subject) ? null : subject.Trim();
        if (text is { Length: > DetailsMaxLength }) return PrivacyRequestErrors.TextTooLong("details", DetailsMaxLength);
        if (title is { Length: > 200 }) return PrivacyRequestErrors.TextTooLong("subject", 200);
        if (type is PrivacyRequestType.Grievance or PrivacyRequestType.Correction && text is null) return PrivacyRequestErrors.DetailsRequired();
        if (type == PrivacyRequestType.Correction && title is null) return PrivacyRequestErrors.SubjectRequired();
        var request = new PrivacyRequest
        {
            CustomerId = customerId, Type = type, Regime = regime, Subject = title, Details = text, ReceivedAt = now, DueAt = dueAt,
            Status = PrivacyRequestStatus.Received,
        };
        request._steps.Add(new PrivacyRequestStep(now, "customer", null, PrivacyRequestStatus.Received, null));
        // Neither discloses nor destroys data: the sign-in is identity enough.
        if (type is PrivacyRequestType.Grievance or PrivacyRequestType.Correction)
            request.Move(PrivacyRequestStatus.Verified, "system", "Signed in: no further identity check needed.", now);
        return Result.Success(request);
    }

    /// <summary>
    /// Access or erasure from a customer who entered their credentials no longer than ten minutes ago: the fresh
    /// sign-in is the identity check, so the request is verified at once and the work can start.
    /// </summary>
    public static Result<PrivacyRequest> ReceiveSignedIn(Guid customerId, PrivacyRequestType type, PrivacyRegime regime, DateTimeOffset dueAt,
        DateTimeOffset now)
    {
        if (type is not (PrivacyRequestType.Access or PrivacyRequestType.Portability or PrivacyRequestType.Erasure))
            throw new ArgumentOutOfRangeException(nameof(type));
        var received = Receive(customerId, type, regime, null, null, dueAt, now);
        if (received.IsSuccess) received.Value.Move(PrivacyRequestStatus.Verified, "system", "Identity checked: signed in within the last 10 minutes.", now);
        return received;
    }

    /// <summary>
    /// Access or erasure for someone without an account (a newsletter subscriber), verified by a link sent to the
    /// address on record and opened: whoever opened it holds the mailbox.
    /// </summary>
    public static Result<PrivacyRequest> ReceiveByLink(Guid subjectId, PrivacyRequestType type, PrivacyRegime regime, DateTimeOffset dueAt, DateTimeOffset now)
    {
        if (type is not (PrivacyRequestType.Access or PrivacyRequestType.Erasure)) throw new ArgumentOutOfRangeException(nameof(type));
        var received = Receive(subjectId, type, regime, "Asked by email, without an account", null, dueAt, now);
        if (received.IsSuccess)
            received.Value.Move(PrivacyRequestStatus.Verified, "system", "Identity checked: the link sent to the address on record was opened.", now);
        return received;
    }

    /// <summary>A restriction or objection, in force at once: signed in, the customer needs no further identity check.</summary>
    public static Result<PrivacyRequest> Restrict(Guid customerId, PrivacyRequestType type, PrivacyRegime regime, IReadOnlyCollection<string> purposes,
        string? details, DateTimeOffset dueAt, DateTimeOffset now)
    {
        if (type is not (PrivacyRequestType.Restriction or PrivacyRequestType.Objection)) throw new ArgumentOutOfRangeException(nameof(type));
        var received = Receive(customerId, type, regime, null, details, dueAt, now);
        if (!received.IsSuccess) return received;
        var request = received.Value;
        request.Purposes = [.. purposes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        request.Move(PrivacyRequestStatus.Verified, "system", "In force at once: the customer is signed in.", now);
        return Result.Success(request);
    }

    /// <summary>
    /// A nominee's request on the customer's behalf: it stays RECEIVED until the privacy officer has reviewed the proof
    /// (of death or incapacity) and verifies it.
    /// </summary>
    public static Result<PrivacyRequest> OnBehalf(Guid customerId, Guid nominee, PrivacyRequestType type, PrivacyRegime regime, string? proof,
        DateTimeOffset dueAt, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(proof)) return PrivacyRequestErrors.ProofRequired();
        var text = proof.Trim();
        if (text.Length > DetailsMaxLength) return PrivacyRequestErrors.TextTooLong("proof", DetailsMaxLength);
        var request = new PrivacyRequest
        {
            CustomerId = customerId, Type = type, Regime = regime, Subject = "Opened by the customer's nominee", Details = text, ReceivedAt = now,
            DueAt = dueAt, Status = PrivacyRequestStatus.Received, OpenedByNominee = nominee,
        };
        request._steps.Add(new PrivacyRequestStep(now, "nominee:" + nominee, null, PrivacyRequestStatus.Received, "Opened on the customer's behalf."));
        return Result.Success(request);
    }

    /// <summary>The privacy officer has checked the requester's identity (or a nominee's proof).</summary>
    public Result Verify(string staff, DateTimeOffset now)
    {
        if (!IsOpen) return PrivacyRequestErrors.Closed();
        if (Status != PrivacyRequestStatus.Received) return PrivacyRequestErrors.AlreadyVerified();
        Move(PrivacyRequestStatus.Verified, "staff:" + staff, null, now);
        return Result.Success();
    }

    /// <summary>The customer themself, signed in within ten minutes, confirms an open request (a nominee's, say): identity checked.</summary>
    public void VerifyBySignIn(DateTimeOffset now)
    {
        if (Status == PrivacyRequestStatus.Received) Move(PrivacyRequestStatus.Verified, "system", "Identity checked: signed in within the last 10 minutes.", now);
    }

    /// <summary>The customer lifts their restriction or objection: processing may use their data again as their consent says.</summary>
    public Result Lift(DateTimeOffset now)
    {
        if (!Restricts) return PrivacyRequestErrors.NotInForce();
        LiftedAt = now;
        if (IsOpen)
        {
            ClosedAt = now;
            Resolution = "Lifted by the customer.";
            Move(PrivacyRequestStatus.Completed, "customer", "Lifted.", now);
        }
        else
        {
            _steps.Add(new PrivacyRequestStep(now, "customer", Status, Status, "Lifted."));
        }

        return Result.Success();
    }

    public Result Assign(string staff, DateTimeOffset now)
    {
        if (!IsOpen) return PrivacyRequestErrors.Closed();
        if (Status == PrivacyRequestStatus.Received) return PrivacyRequestErrors.NotVerified();
        AssignedTo = staff;
        if (Status != PrivacyRequestStatus.InProgress) Move(PrivacyRequestStatus.InProgress, "staff:" + staff, null, now);
        else _steps.Add(new PrivacyRequestStep(now, "staff:" + staff, Status, Status, "Assigned."));
        return Result.Success();
    }

    /// <summary>GDPR only: once, by up to two months, with the reason on record (Art. 12(3)).</summary>
    public Result Extend(int months, string reason, string staff, DateTimeOffset now)
    {
        if (!IsOpen) return PrivacyRequestErrors.Closed();
        if (Regime != PrivacyRegime.Gdpr) return PrivacyRequestErrors.ExtensionNotAllowed("Only a request under the GDPR may be extended.");
        if (ExtendedAt is not null) return PrivacyRequestErrors.ExtensionNotAllowed("The request was extended already.");
        if (months is < 1 or > 2) return PrivacyRequestErrors.ExtensionNotAllowed("An extension is one or two months.");
        if (Note(reason) is not { } why) return PrivacyRequestErrors.ReasonRequired();
        DueAt = DueAt.AddMonths(months);
        (ExtendedAt, ExtensionReason) = (now, why);
        _steps.Add(new PrivacyRequestStep(now, "staff:" + staff, Status, Status, $"Extended by {months} month(s): {why}"));
        return Result.Success();
    }

    public Result Complete(string answer, string staff, DateTimeOffset now) => CompleteAs("staff:" + staff, answer, now);

    /// <summary>The system takes a verified request it carries out itself (an export, an erasure): IN_PROGRESS.</summary>
    public Result Start(DateTimeOffset now)
    {
        if (!IsOpen) return PrivacyRequestErrors.Closed();
        if (Status == PrivacyRequestStatus.Received) return PrivacyRequestErrors.NotVerified();
        if (Status != PrivacyRequestStatus.InProgress) Move(PrivacyRequestStatus.InProgress, "system", null, now);
        return Result.Success();
    }

    /// <summary>The system has carried the request out (the export is ready, the data is erased).</summary>
    public Result CompleteBySystem(string answer, DateTimeOffset now) => CompleteAs("system", answer, now);

    private Result CompleteAs(string actor, string answer, DateTimeOffset now)
    {
        if (!IsOpen) return PrivacyRequestErrors.Closed();
        if (Status == PrivacyRequestStatus.Received) return PrivacyRequestErrors.NotVerified();
        if (Note(answer) is not { } text) return PrivacyRequestErrors.ReasonRequired("answer");
        Resolution = text;
        ClosedAt = now;
        Move(PrivacyRequestStatus.Completed, actor, null, now);
        return Result.Success();
    }

    public Result Reject(string reason, string staff, DateTimeOffset now) => RejectAs("staff:" + staff, reason, now);

    /// <summary>The system cannot carry the request out (an export for an account that is gone).</summary>
    public Result RejectBySystem(string reason, DateTimeOffset now) => RejectAs("system", reason, now);

    private Result RejectAs(string actor, string reason, DateTimeOffset now)
    {
        if (!IsOpen) return PrivacyRequestErrors.Closed();
        if (Note(reason) is not { } text) return PrivacyRequestErrors.ReasonRequired();
        Resolution = text;
        ClosedAt = now;
        Move(PrivacyRequestStatus.Rejected, actor, text, now);
        return Result.Success();
    }

    private void Move(PrivacyRequestStatus to, string actor, string? note, DateTimeOffset now)
    {
        _steps.Add(new PrivacyRequestStep(now, actor, Status, to, note));
        Status = to;
    }

    private static string? Note(string? text) => string.IsNullOrWhiteSpace(text) || text.Trim().Length > NoteMaxLength ? null : text.Trim();
}
