using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Ordering.ReadModels;
using ConnectingNer.Domain.Ordering;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Ordering.Queries;

/// <summary>The calling logistics partner's own assigned shipments that are not delivered yet.</summary>
[Authorize(Policies.OrdersFulfil)]
public sealed record ListShipmentsToFulfilQuery : IQuery<IQueryable<ShipmentReadModel>>;

/// <summary>
/// The recipients of the calling partner's shipments among the ids: the courier's correction if it reported one,
/// else the order's shipping address — only while the shipment discloses them (until seven days after delivery).
/// </summary>
[Authorize(Policies.OrdersFulfil)]
public sealed record LoadShipmentRecipientsQuery(IReadOnlyCollection<int> ShipmentIds) : IQuery<IReadOnlyDictionary<int, OrderAddressReadModel>>;

public sealed class ShipmentQueriesHandler(IApplicationDbContext db, IOrderAddressVault vault, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<ListShipmentsToFulfilQuery, IQueryable<ShipmentReadModel>>,
      IQueryHandler<LoadShipmentRecipientsQuery, IReadOnlyDictionary<int, OrderAddressReadModel>>
{
    public ValueTask<IQueryable<ShipmentReadModel>> Handle(ListShipmentsToFulfilQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Shipments.Mine(db, user).Where(s => s.Status != ShipmentStatus.Delivered));

    public async ValueTask<IReadOnlyDictionary<int, OrderAddressReadModel>> Handle(LoadShipmentRecipientsQuery query, CancellationToken cancellationToken)
    {
        var partner = user.PartnerId;
        var until = clock.GetUtcNow().AddDays(-Shipment.DisclosureDays);
        var rows = await (
            from s in db.Shipments.AsNoTracking()
            join o in db.Orders.AsNoTracking() on s.OrderId equals o.Id
            where query.ShipmentIds.Contains(s.Id) && s.PartnerId == partner && (s.DeliveredAt == null || s.DeliveredAt >= until)
            select new { s.Id, o.CustomerId, Sealed = s.CorrectedAddress ?? o.ShippingAddress }).ToListAsync(cancellationToken);
        var opened = await vault.OpenAsync([.. rows.Select(r => (r.Id, r.CustomerId, r.Sealed))], cancellationToken);
        return rows.Where(r => opened.ContainsKey(r.Id))
            .ToDictionary(r => r.Id, r => OrderAddressReadModel.From(r.CustomerId, opened[r.Id]));
    }
}
