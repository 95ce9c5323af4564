using ConnectingNer.Application.Catalog;
using ConnectingNer.Application.Catalog.ReadModels;
using ConnectingNer.Domain.Catalog;
using ConnectingNer.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Infrastructure.Catalog;

/// <summary>
/// Products by id through an EF Core compiled query: per request EF Core builds no LINQ tree, extracts no parameters
/// and hashes nothing to find its cached query.
/// </summary>
public sealed class CompiledProductReader(AppDbContext db) : IProductReader
{
    public async Task<IReadOnlyDictionary<int, ProductReadModel>> LoadAsync(
        IReadOnlyCollection<int> ids, bool includeInactive, CancellationToken cancellationToken)
    {
        var products = new Dictionary<int, ProductReadModel>(ids.Count);
        if (ids.Count == 0) return products;
        await foreach (var product in Read(db, [.. ids], includeInactive).WithCancellation(cancellationToken)) products[product.Id] = product;
        return products;
    }

    // The visibility rule is VisibleProducts': inactive products only for those it lets see them.
    private static readonly Func<AppDbContext, int[], bool, IAsyncEnumerable<ProductReadModel>> Read = EF.CompileAsyncQuery(
        (AppDbContext db, int[] ids, bool includeInactive) =>
            db.Set<Product>().AsNoTracking()
                .Where(p => ids.Contains(p.Id) && (includeInactive || p.IsActive))
                .Select(ProductReadModel.FromEntity));
}
