using ConnectingNer.Application.Catalog.ReadModels;
using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using Mediator;

namespace ConnectingNer.Application.Catalog.Queries;

/// <summary>Visible products matching a text, each with its relevance, for the GraphQL layer to order and page.</summary>
public sealed record SearchProductsQuery(string Text) : IQuery<IQueryable<ProductReadModel>>;

public sealed class SearchProductsQueryHandler(IApplicationDbContext db, IProductSearch search, ICurrentUser user)
    : IQueryHandler<SearchProductsQuery, IQueryable<ProductReadModel>>
{
    public ValueTask<IQueryable<ProductReadModel>> Handle(SearchProductsQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(VisibleProducts.For(db, user)
            .Join(search.Search(query.Text.Trim()), p => p.Id, h => h.ProductId, ProductReadModel.FromSearchHit));
}
