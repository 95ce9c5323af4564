using ConnectingNer.Application.Catalog.ReadModels;
using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Ordering;
using ConnectingNer.Domain.Ordering;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Catalog.Queries;

/// <summary>
/// The visible products that sold the most units, counted from real orders: paid ones (not cancelled or returned)
/// and delivered ones (cash on delivery is paid at the door). Aggregated across all customers: no personal data.
/// </summary>
public sealed record ListBestSellersQuery(int First) : IQuery<IReadOnlyList<BestSellerReadModel>>;

public sealed class ListBestSellersQueryHandler(IApplicationDbContext db, ISender sender)
    : IQueryHandler<ListBestSellersQuery, IReadOnlyList<BestSellerReadModel>>
{
    public async ValueTask<IReadOnlyList<BestSellerReadModel>> Handle(ListBestSellersQuery query, CancellationToken cancellationToken)
    {
        var visible = await sender.Send(new ListProductsQuery(), cancellationToken);
        var sold = db.Orders.AsNoTracking().Where(o => o.Status == OrderStatus.Delivered
            || (o.PaidAt != null && o.Status != OrderStatus.Cancelled && o.Status != OrderStatus.Returned));
        var top = await db.OrderLines.AsNoTracking()
            .Where(l => sold.Any(o => o.Id == l.OrderId))
            .GroupBy(l => l.ProductId)
            .Select(g => new { ProductId = g.Key, Units = g.Sum(l => (long)l.Quantity) })
            .Where(t => visible.Any(p => p.Id == t.ProductId))
            .OrderByDescending(t => t.Units).ThenBy(t => t.ProductId)
            .Take(query.First)
            .ToListAsync(cancellationToken);

        var ids = top.Select(t => t.ProductId).ToList();
        var products = await visible.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        return top.Select((t, i) => new BestSellerReadModel(i + 1, t.Units, products[t.ProductId])).ToList();
    }
}
