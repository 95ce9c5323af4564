using ConnectingNer.Application.Catalog.ReadModels;
using ConnectingNer.Application.Common.Interfaces;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Catalog.Queries;

/// <summary>Every category, by name.</summary>
public sealed record ListCategoriesQuery : IQuery<IReadOnlyList<CategoryReadModel>>;

public sealed class ListCategoriesQueryHandler(IApplicationDbContext db)
    : IQueryHandler<ListCategoriesQuery, IReadOnlyList<CategoryReadModel>>
{
    public async ValueTask<IReadOnlyList<CategoryReadModel>> Handle(
        ListCategoriesQuery query, CancellationToken cancellationToken) =>
        await db.Categories.AsNoTracking()
            .OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Select(CategoryReadModel.FromEntity)
            .ToListAsync(cancellationToken);
}
