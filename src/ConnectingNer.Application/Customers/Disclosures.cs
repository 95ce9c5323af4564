using ConnectingNer.Application.Common.Security;
using Mediator;

namespace ConnectingNer.Application.Customers;

/// <summary>One recorded disclosure of a customer's personal data.</summary>
public sealed class DisclosureReadModel
{
    public int Id { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public string ActorSubject { get; set; } = "";

    public string? ClientId { get; set; }

    public List<string> ActorRoles { get; set; } = [];

    public List<string> ActorScopes { get; set; } = [];

    public string Purpose { get; set; } = "";

    public Guid SubjectId { get; set; }

    public List<string> Categories { get; set; } = [];

    public List<string> Fields { get; set; } = [];

    public bool Masked { get; set; }

    public string? OperationName { get; set; }

    public string DocumentHash { get; set; } = "";
}

/// <summary>The disclosure record (append-only in the database).</summary>
public interface IAuditTrail
{
    IQueryable<DisclosureReadModel> Disclosures { get; }
}

/// <summary>Who saw the signed-in customer's personal data (DPDP Act §11): newest first.</summary>
public sealed record ListMyDisclosuresQuery : IQuery<IQueryable<DisclosureReadModel>>;

public sealed class ListMyDisclosuresQueryHandler(IAuditTrail trail, ICurrentUser user) : IQueryHandler<ListMyDisclosuresQuery, IQueryable<DisclosureReadModel>>
{
    public ValueTask<IQueryable<DisclosureReadModel>> Handle(ListMyDisclosuresQuery query, CancellationToken cancellationToken)
    {
        var subject = Guid.TryParse(user.SubjectId, out var id) ? id : Guid.Empty;
        return ValueTask.FromResult(trail.Disclosures.Where(d => d.SubjectId == subject));
    }
}

/// <summary>Every recorded disclosure, for the privacy officer; optionally of one customer.</summary>
[Authorize(Policies.PrivacyOfficer)]
public sealed record ListAuditEventsQuery(Guid? CustomerId) : IQuery<IQueryable<DisclosureReadModel>>;

public sealed class ListAuditEventsQueryHandler(IAuditTrail trail) : IQueryHandler<ListAuditEventsQuery, IQueryable<DisclosureReadModel>>
{
    public ValueTask<IQueryable<DisclosureReadModel>> Handle(ListAuditEventsQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(query.CustomerId is { } id ? trail.Disclosures.Where(d => d.SubjectId == id) : trail.Disclosures);
}
