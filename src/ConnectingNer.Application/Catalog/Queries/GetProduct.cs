using System.Linq.Expressions;
using ConnectingNer.Application.Catalog.ReadModels;
using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Domain.Catalog;
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
    public ValueTask<ProductReadModel?> Handle(GetProductByIdQuery query, CancellationToken cancellationToken) =>
        FirstVisibleAsync(p => p.Id == query.Id, cancellationToken);

    public ValueTask<ProductReadModel?> Handle(GetProductBySkuQuery query, CancellationToken cancellationToken)
    {
        var sku = query.Sku.Trim().ToUpperInvariant();
        return FirstVisibleAsync(p => p.Sku == sku, cancellationToken);
    }

    private async ValueTask<ProductReadModel?> FirstVisibleAsync(Expression<Func<Product, bool>> match, CancellationToken cancellationToken) =>
        await VisibleProducts.For(db, user)
            .Where(match).Select(ProductReadModel.FromEntity).FirstOrDefaultAsync(cancellationToken);
}
