using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Privacy.ReadModels;
using Mediator;

namespace ConnectingNer.Application.Privacy.Queries;

/// <summary>Every recorded disclosure, for the privacy officer; optionally of one customer.</summary>
[Authorize(Policies.PrivacyOfficer)]
public sealed record ListAuditEventsQuery(Guid? CustomerId) : IQuery<IQueryable<DisclosureReadModel>>;

public sealed class ListAuditEventsQueryHandler(IAuditTrail trail) : IQueryHandler<ListAuditEventsQuery, IQueryable<DisclosureReadModel>>
{
    public ValueTask<IQueryable<DisclosureReadModel>> Handle(ListAuditEventsQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(query.CustomerId is { } id ? trail.Disclosures.Where(d => d.SubjectId == id) : trail.Disclosures);
}
