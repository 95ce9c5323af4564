using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Domain.Catalog;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Catalog.Queries;

/// <summary>The price breaks of several products, by product, fewest units first.</summary>
public sealed record LoadPriceBreaksQuery(IReadOnlyCollection<int> ProductIds) : IQuery<IReadOnlyDictionary<int, IReadOnlyList<PriceBreak>>>;

public sealed class LoadPriceBreaksQueryHandler(IApplicationDbContext db) : IQueryHandler<LoadPriceBreaksQuery, IReadOnlyDictionary<int, IReadOnlyList<PriceBreak>>>
{
    public async ValueTask<IReadOnlyDictionary<int, IReadOnlyList<PriceBreak>>> Handle(LoadPriceBreaksQuery query, CancellationToken cancellationToken) =>
        (await db.PriceBreaks.AsNoTracking().Where(b => query.ProductIds.Contains(b.ProductId)).OrderBy(b => b.MinQuantity).ToListAsync(cancellationToken))
            .GroupBy(b => b.ProductId).ToDictionary(g => g.Key, g => (IReadOnlyList<PriceBreak>)g.ToList());
}
