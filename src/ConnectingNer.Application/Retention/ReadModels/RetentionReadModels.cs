using ConnectingNer.Domain.Retention;

namespace ConnectingNer.Application.Retention.ReadModels;

/// <summary>A retention rule and what its last run removed.</summary>
public sealed record RetentionRuleReadModel(
    string Code, string What, int Months, int Days, string FromEvent, string LegalBasis, RetentionAction Action, DateTimeOffset? LastRunAt, int? LastDeleted,
    int? LastHeld);

public sealed record LegalHoldReadModel(int Id, Guid CustomerId, string Reason, string PlacedBy, DateTimeOffset PlacedAt, DateTimeOffset? ReleasedAt)
{
    public static LegalHoldReadModel From(LegalHold h) => new(h.Id, h.CustomerId, h.Reason, h.PlacedBy, h.PlacedAt, h.ReleasedAt);
}
