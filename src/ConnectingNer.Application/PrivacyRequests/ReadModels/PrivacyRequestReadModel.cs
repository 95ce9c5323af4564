using System.Linq.Expressions;
using ConnectingNer.Domain.PrivacyRequests;

namespace ConnectingNer.Application.PrivacyRequests.ReadModels;

public sealed class PrivacyRequestStepReadModel
{
    public DateTimeOffset At { get; init; }

    public string Actor { get; init; } = "";

    public PrivacyRequestStatus? From { get; init; }

    public PrivacyRequestStatus To { get; init; }

    public string? Note { get; init; }
}

/// <summary>A privacy request as its customer and the privacy officer see it.</summary>
public sealed class PrivacyRequestReadModel
{
    public int Id { get; init; }

    public Guid CustomerId { get; init; }

    public PrivacyRequestType Type { get; init; }

    public PrivacyRequestStatus Status { get; init; }

    public PrivacyRegime Regime { get; init; }

    public string? Subject { get; init; }

    public string? Details { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    public DateTimeOffset DueAt { get; init; }

    public DateTimeOffset? ExtendedAt { get; init; }

    public string? ExtensionReason { get; init; }

    public string? AssignedTo { get; init; }

    public string? Resolution { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public List<string>? Purposes { get; init; }

    public DateTimeOffset? LiftedAt { get; init; }

    /// <summary>0 while open, 1 once closed: the queue shows open requests first, the most overdue at the top.</summary>
    public int ClosedRank { get; init; }

    public List<PrivacyRequestStepReadModel> History { get; init; } = [];

    public static readonly Expression<Func<PrivacyRequest, PrivacyRequestReadModel>> FromEntity = r => new PrivacyRequestReadModel
    {
        Id = r.Id, CustomerId = r.CustomerId, Type = r.Type, Status = r.Status, Regime = r.Regime, Subject = r.Subject, Details = r.Details,
        ReceivedAt = r.ReceivedAt, DueAt = r.DueAt, ExtendedAt = r.ExtendedAt, ExtensionReason = r.ExtensionReason, AssignedTo = r.AssignedTo,
        Resolution = r.Resolution, ClosedAt = r.ClosedAt, Purposes = r.Purposes, LiftedAt = r.LiftedAt,
        ClosedRank = r.Status == PrivacyRequestStatus.Completed || r.Status == PrivacyRequestStatus.Rejected ? 1 : 0,
        History = r.Steps.OrderBy(s => s.Id).Select(s => new PrivacyRequestStepReadModel { At = s.At, Actor = s.Actor, From = s.From, To = s.To, Note = s.Note })
            .ToList(),
    };
}
