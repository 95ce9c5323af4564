using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.PrivacyRequests.ReadModels;
using Mediator;

namespace ConnectingNer.Application.PrivacyRequests.Queries;

/// <summary>The signed-in customer's own requests.</summary>
public sealed record ListMyPrivacyRequestsQuery : IQuery<IQueryable<PrivacyRequestReadModel>>;

public sealed class ListMyPrivacyRequestsQueryHandler(IApplicationDbContext db, ICurrentUser user)
    : IQueryHandler<ListMyPrivacyRequestsQuery, IQueryable<PrivacyRequestReadModel>>
{
    public ValueTask<IQueryable<PrivacyRequestReadModel>> Handle(ListMyPrivacyRequestsQuery query, CancellationToken cancellationToken)
    {
        var me = user.PartnerId is null && user.TryGetPersonId(out var id) ? id : Guid.Empty;
        return ValueTask.FromResult(db.PrivacyRequests.Where(r => r.CustomerId == me).Select(PrivacyRequestReadModel.FromEntity));
    }
}

/// <summary>The privacy officer's queue: every request.</summary>
[Authorize(Policies.PrivacyOfficer)]
public sealed record ListPrivacyRequestsQuery : IQuery<IQueryable<PrivacyRequestReadModel>>;

public sealed class ListPrivacyRequestsQueryHandler(IApplicationDbContext db) : IQueryHandler<ListPrivacyRequestsQuery, IQueryable<PrivacyRequestReadModel>>
{
    public ValueTask<IQueryable<PrivacyRequestReadModel>> Handle(ListPrivacyRequestsQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(db.PrivacyRequests.Select(PrivacyRequestReadModel.FromEntity));
}
