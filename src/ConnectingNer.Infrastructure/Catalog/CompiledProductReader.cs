using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using ConnectingNer.Application.Catalog;
using ConnectingNer.Application.Catalog.ReadModels;
using ConnectingNer.Domain.Catalog;
using ConnectingNer.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Infrastructure.Catalog;

/// <summary>
/// Products by id through EF Core compiled queries: per request EF Core builds no LINQ tree, extracts no parameters
/// and hashes nothing to find its cached query. One compiled query reads whole products; each shape of projection it
/// is given (a selection of product fields) gets its own, shared by every document that selects the same and found
/// by the projection's instance after its first use. Shapes are bounded: past <see cref="MaxShapes"/>, products are
/// read whole (a superset of any selection), so unique documents cannot make it compile without end.
/// </summary>
public sealed class CompiledProductReader(AppDbContext db) : IProductReader
{
    public async Task<IReadOnlyDictionary<int, ProductReadModel>> LoadAsync(IReadOnlyCollection<int> ids, bool includeInactive,
        Expression<Func<ProductReadModel, ProductReadModel>>? projection, CancellationToken cancellationToken)
    {
        var products = new Dictionary<int, ProductReadModel>(ids.Count);
        if (ids.Count == 0) return products;
        var read = ReaderFor(projection);
        await foreach (var product in read(db, [.. ids], includeInactive).WithCancellation(cancellationToken)) products[product.Id] = product;
        return products;
    }

    // The visibility rule is VisibleProducts': inactive products only for those it lets see them.
    private static readonly Expression<Func<AppDbContext, int[], bool, IQueryable<ProductReadModel>>> Whole =
        (AppDbContext db, int[] ids, bool includeInactive) =>
            db.Set<Product>().AsNoTracking()
                .Where(p => ids.Contains(p.Id) && (includeInactive || p.IsActive))
                .Select(ProductReadModel.FromEntity);

    private static readonly Func<AppDbContext, int[], bool, IAsyncEnumerable<ProductReadModel>> ReadWhole = EF.CompileAsyncQuery(Whole);

    private static readonly ConditionalWeakTable<Expression<Func<ProductReadModel, ProductReadModel>>,
        Func<AppDbContext, int[], bool, IAsyncEnumerable<ProductReadModel>>> Projected = new();

    private static readonly ConcurrentDictionary<string, Func<AppDbContext, int[], bool, IAsyncEnumerable<ProductReadModel>>> ByShape = new();

    public const int MaxShapes = 256;

    /// <summary>The shapes compiled so far (the projections' text).</summary>
    public static IEnumerable<string> CompiledShapes => ByShape.Keys;

    private static Func<AppDbContext, int[], bool, IAsyncEnumerable<ProductReadModel>> ReaderFor(Expression<Func<ProductReadModel, ProductReadModel>>? projection)
    {
        if (projection is null) return ReadWhole;
        if (Projected.TryGetValue(projection, out var read)) return read;
        var shape = projection.ToString();
        if (!ByShape.TryGetValue(shape, out read))
        {
            if (ByShape.Count >= MaxShapes) return ReadWhole;
            read = ByShape.GetOrAdd(shape, _ => Compile(projection));
        }

        Projected.AddOrUpdate(projection, read);
        return read;
    }

    /// <summary><see cref="Whole"/> followed by <c>.Select(projection)</c>, compiled.</summary>
    private static Func<AppDbContext, int[], bool, IAsyncEnumerable<ProductReadModel>> Compile(Expression<Func<ProductReadModel, ProductReadModel>> projection) =>
        EF.CompileAsyncQuery(Expression.Lambda<Func<AppDbContext, int[], bool, IQueryable<ProductReadModel>>>(
            Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(ProductReadModel), typeof(ProductReadModel)],
                Whole.Body, Expression.Quote(projection)),
            Whole.Parameters));
}
