using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Ordering.ReadModels;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Ordering.Queries;

/// <summary>
/// The addresses of orders the caller already holds (read through an access-checked query), opened in one batch;
/// what each field reveals is then decided per field by the grant table.
/// </summary>
public sealed record LoadOrderAddressesQuery(IReadOnlyCollection<int> OrderIds) : IQuery<IReadOnlyDictionary<int, OrderAddresses>>;

public sealed class LoadOrderAddressesQueryHandler(IApplicationDbContext db, IOrderAddressVault vault)
    : IQueryHandler<LoadOrderAddressesQuery, IReadOnlyDictionary<int, OrderAddresses>>
{
    public async ValueTask<IReadOnlyDictionary<int, OrderAddresses>> Handle(LoadOrderAddressesQuery query, CancellationToken cancellationToken)
    {
        var shipments = db.Shipments;
        var rows = await db.Orders.AsNoTracking().Where(o => query.OrderIds.Contains(o.Id))
            .Select(o => new
            {
                o.Id, o.CustomerId, o.ShippingAddress, o.BillingAddress,
                Correction = shipments.Where(s => s.OrderId == o.Id && s.CorrectionOffered).Select(s => s.CorrectedAddress).FirstOrDefault(),
            }).ToListAsync(cancellationToken);
        var sealedItems = rows.Select(r => ((r.Id, 0), r.CustomerId, r.ShippingAddress))
            .Concat(rows.Where(r => r.BillingAddress is not null).Select(r => ((r.Id, 1), r.CustomerId, r.BillingAddress!)))
            .Concat(rows.Where(r => r.Correction is not null).Select(r => ((r.Id, 2), r.CustomerId, r.Correction!)))
            .ToList();
        var opened = await vault.OpenAsync(sealedItems, cancellationToken);
        return rows.ToDictionary(r => r.Id, r => new OrderAddresses(r.CustomerId,
            opened.GetValueOrDefault((r.Id, 0)), opened.GetValueOrDefault((r.Id, 1)), opened.GetValueOrDefault((r.Id, 2))));
    }
}
