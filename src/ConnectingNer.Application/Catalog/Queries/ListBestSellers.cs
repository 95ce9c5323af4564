using ConnectingNer.Application.Catalog.ReadModels;
using ConnectingNer.Application.Common.Interfaces;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Catalog.Queries;

/// <summary>The visible products that sold the most units, aggregated across all customers (no personal data).</summary>
public sealed record ListBestSellersQuery(int First) : IQuery<IReadOnlyList<BestSellerReadModel>>;

public sealed class ListBestSellersQueryHandler(IApplicationDbContext db, ISender sender)
    : IQueryHandler<ListBestSellersQuery, IReadOnlyList<BestSellerReadModel>>
{
    public async ValueTask<IReadOnlyList<BestSellerReadModel>> Handle(ListBestSellersQuery query, CancellationToken cancellationToken)
    {
        var visible = await sender.Send(new ListProductsQuery(), cancellationToken);
        var top = await db.ProductSales.AsNoTracking()
            .GroupBy(s => s.ProductId)
            .Select(g => new { ProductId = g.Key, Units = g.Sum(s => (long)s.Units) })
            .Where(t => visible.Any(p => p.Id == t.ProductId))
            .OrderByDescending(t => t.Units).ThenBy(t => t.ProductId)
            .Take(query.First)
            .ToListAsync(cancellationToken);

        var ids = top.Select(t => t.ProductId).ToList();
        var products = await visible.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        return top.Select((t, i) => new BestSellerReadModel(i + 1, t.Units, products[t.ProductId])).ToList();
    }
}
