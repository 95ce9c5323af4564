namespace ConnectingNer.Domain.Retention;

public enum RetentionAction
{
    /// <summary>Deleted once the period has passed (by the daily retention job), unless a legal hold stands.</summary>
    Delete,

    /// <summary>Kept at least this long (the law asks for it); nothing deletes it earlier.</summary>
    KeepAtLeast,
}

/// <summary>
/// How long one kind of data is kept, from which event, and why: reference data (<c>retention_rules</c>), shown to the
/// privacy officer and applied by the daily job.
/// </summary>
public sealed class RetentionRule
{
    public const string Events = "events";
    public const string Carts = "carts";
    public const string ClosedPrivacyRequests = "privacy_requests.closed";
    public const string Exports = "exports";

    private RetentionRule() { }

    public RetentionRule(string code, string what, int months, int days, string fromEvent, string legalBasis, RetentionAction action)
    {
        Code = code;
        What = what;
        Months = months;
        Days = days;
        FromEvent = fromEvent;
        LegalBasis = legalBasis;
        Action = action;
    }

    public string Code { get; private set; } = "";

    public string What { get; private set; } = "";

    public int Months { get; private set; }

    public int Days { get; private set; }

    /// <summary>The moment the period runs from (<c>occurred</c>, <c>last change</c>, <c>closed</c>, …).</summary>
    public string FromEvent { get; private set; } = "";

    public string LegalBasis { get; private set; } = "";

    public RetentionAction Action { get; private set; }

    /// <summary>Rows from before this moment have outlived the rule at <paramref name="now"/>.</summary>
    public DateTimeOffset Threshold(DateTimeOffset now) => now.AddMonths(-Months).AddDays(-Days);
}

/// <summary>What one run of the retention job removed for one rule: counts, never content.</summary>
public sealed class RetentionRun
{
    private RetentionRun() { }

    public RetentionRun(string rule, DateTimeOffset ranAt, int deleted, int held)
    {
        Rule = rule;
        RanAt = ranAt;
        Deleted = deleted;
        Held = held;
    }

    public int Id { get; private set; }

    public string Rule { get; private set; } = "";

    public DateTimeOffset RanAt { get; private set; }

    public int Deleted { get; private set; }

    /// <summary>Rows past their period kept because a legal hold stands.</summary>
    public int Held { get; private set; }
}

/// <summary>A legal hold the privacy officer places on a customer's data: nothing of theirs is deleted while it stands.</summary>
public sealed class LegalHold
{
    public const int ReasonMaxLength = 500;

    private LegalHold() { }

    public LegalHold(Guid customerId, string reason, string placedBy, DateTimeOffset now)
    {
        CustomerId = customerId;
        Reason = reason;
        PlacedBy = placedBy;
        PlacedAt = now;
    }

    public int Id { get; private set; }

    public Guid CustomerId { get; private set; }

    public string Reason { get; private set; } = "";

    public string PlacedBy { get; private set; } = "";

    public DateTimeOffset PlacedAt { get; private set; }

    public DateTimeOffset? ReleasedAt { get; private set; }

    public bool Release(DateTimeOffset now)
    {
        if (ReleasedAt is not null) return false;
        ReleasedAt = now;
        return true;
    }
}
