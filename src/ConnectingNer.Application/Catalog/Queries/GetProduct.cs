using ConnectingNer.Application.Catalog.ReadModels;
using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Catalog.Queries;

/// <summary>One visible product by id, or null.</summary>
public sealed record GetProductByIdQuery(int Id) : IQuery<ProductReadModel?>;

/// <summary>One visible product by SKU (case-insensitive), or null.</summary>
public sealed record GetProductBySkuQuery(string Sku) : IQuery<ProductReadModel?>;

public sealed class GetProductQueryHandler(IApplicationDbContext db, ICurrentUser user)
    : IQueryHandler<GetProductByIdQuery, ProductReadModel?>, IQueryHandler<GetProductBySkuQuery, ProductReadModel?>
{
    public async ValueTask<ProductReadModel?> Handle(GetProductByIdQuery query, CancellationToken cancellationToken) =>
        await (await VisibleProducts.ForAsync(db, user, cancellationToken))
            .Where(p => p.Id == query.Id).Select(ProductReadModel.FromEntity).FirstOrDefaultAsync(cancellationToken);

    public async ValueTask<ProductReadModel?> Handle(GetProductBySkuQuery query, CancellationToken cancellationToken)
    {
        var sku = query.Sku.Trim().ToUpperInvariant();
        return await (await VisibleProducts.ForAsync(db, user, cancellationToken))
            .Where(p => p.Sku == sku).Select(ProductReadModel.FromEntity).FirstOrDefaultAsync(cancellationToken);
    }
}
