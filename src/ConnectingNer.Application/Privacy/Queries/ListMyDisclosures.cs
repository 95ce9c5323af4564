using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Privacy.ReadModels;
using Mediator;

namespace ConnectingNer.Application.Privacy.Queries;

/// <summary>Who saw the signed-in customer's personal data (DPDP Act §11): newest first.</summary>
public sealed record ListMyDisclosuresQuery : IQuery<IQueryable<DisclosureReadModel>>;

public sealed class ListMyDisclosuresQueryHandler(IAuditTrail trail, ICurrentUser user) : IQueryHandler<ListMyDisclosuresQuery, IQueryable<DisclosureReadModel>>
{
    public ValueTask<IQueryable<DisclosureReadModel>> Handle(ListMyDisclosuresQuery query, CancellationToken cancellationToken)
    {
        var subject = user.TryGetPersonId(out var id) ? id : Guid.Empty;
        return ValueTask.FromResult(trail.Disclosures.Where(d => d.SubjectId == subject));
    }
}
