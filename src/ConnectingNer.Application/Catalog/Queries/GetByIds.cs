using System.Linq.Expressions;
using ConnectingNer.Application.Catalog.ReadModels;
using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Catalog.Queries;

/// <summary>
/// The visible products among the ids, by id (for global-id lookups and the products of order and cart lines), with
/// only the members of <paramref name="Projection"/> when one is given.
/// </summary>
public sealed record GetProductsByIdsQuery(IReadOnlyList<int> Ids, Expression<Func<ProductReadModel, ProductReadModel>>? Projection = null)
    : IQuery<IReadOnlyDictionary<int, ProductReadModel>>;

/// <summary>The categories among the ids, by id.</summary>
public sealed record GetCategoriesByIdsQuery(IReadOnlyList<int> Ids) : IQuery<IReadOnlyDictionary<int, CategoryReadModel>>;

public sealed class GetByIdsQueryHandler(IProductReader products, ICurrentUser user, IApplicationDbContext db)
    : IQueryHandler<GetProductsByIdsQuery, IReadOnlyDictionary<int, ProductReadModel>>,
      IQueryHandler<GetCategoriesByIdsQuery, IReadOnlyDictionary<int, CategoryReadModel>>
{
    public async ValueTask<IReadOnlyDictionary<int, ProductReadModel>> Handle(GetProductsByIdsQuery query, CancellationToken cancellationToken) =>
        await products.LoadAsync(query.Ids, VisibleProducts.IncludesInactive(user), query.Projection, cancellationToken);

    public async ValueTask<IReadOnlyDictionary<int, CategoryReadModel>> Handle(GetCategoriesByIdsQuery query, CancellationToken cancellationToken) =>
        await db.Categories.AsNoTracking().Where(c => query.Ids.Contains(c.Id))
            .Select(CategoryReadModel.FromEntity)
            .ToDictionaryAsync(c => c.Id, cancellationToken);
}
