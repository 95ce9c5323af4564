using ConnectingNer.Application.Catalog.ReadModels;
using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Querying;
using ConnectingNer.Application.Common.Security;
using Mediator;

namespace ConnectingNer.Application.Catalog.Queries;

/// <summary>
/// The products the caller may see, as a query the GraphQL layer can still filter, sort and page:
/// the database does the work in one round trip. Inactive products are visible to catalog staff only.
/// </summary>
public sealed record ListProductsQuery : IQuery<IQueryable<ProductReadModel>>;

public sealed class ListProductsQueryHandler(IApplicationDbContext db, ICurrentUser user)
    : IQueryHandler<ListProductsQuery, IQueryable<ProductReadModel>>
{
    public ValueTask<IQueryable<ProductReadModel>> Handle(ListProductsQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(VisibleProducts.For(db, user).SelectCached(ProductReadModel.FromEntity));
}
