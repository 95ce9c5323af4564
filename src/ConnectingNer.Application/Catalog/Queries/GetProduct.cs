using ConnectingNer.Application.Catalog.ReadModels;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Catalog.Queries;

/// <summary>One visible product by id, or null.</summary>
public sealed record GetProductByIdQuery(int Id) : IQuery<ProductReadModel?>;

/// <summary>One visible product by SKU (case-insensitive), or null.</summary>
public sealed record GetProductBySkuQuery(string Sku) : IQuery<ProductReadModel?>;

public sealed class GetProductQueryHandler(ISender sender)
    : IQueryHandler<GetProductByIdQuery, ProductReadModel?>, IQueryHandler<GetProductBySkuQuery, ProductReadModel?>
{
    public async ValueTask<ProductReadModel?> Handle(GetProductByIdQuery query, CancellationToken cancellationToken)
    {
        var visible = await sender.Send(new ListProductsQuery(), cancellationToken);
        return await visible.FirstOrDefaultAsync(p => p.Id == query.Id, cancellationToken);
    }

    public async ValueTask<ProductReadModel?> Handle(GetProductBySkuQuery query, CancellationToken cancellationToken)
    {
        var sku = query.Sku.Trim().ToUpperInvariant();
        var visible = await sender.Send(new ListProductsQuery(), cancellationToken);
        return await visible.FirstOrDefaultAsync(p => p.Sku == sku, cancellationToken);
    }
}
