using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Ordering.ReadModels;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Ordering.Queries;

/// <summary>One of the calling logistics partner's shipments, delivered or not; anyone else's is absent.</summary>
[Authorize(Policies.OrdersFulfil)]
public sealed record GetShipmentQuery(int Id) : IQuery<ShipmentReadModel?>;

public sealed class GetShipmentQueryHandler(IApplicationDbContext db, ICurrentUser user) : IQueryHandler<GetShipmentQuery, ShipmentReadModel?>
{
    public async ValueTask<ShipmentReadModel?> Handle(GetShipmentQuery query, CancellationToken cancellationToken) =>
        await Shipments.Mine(db, user).SingleOrDefaultAsync(s => s.Id == query.Id, cancellationToken);
}
