using System.Linq.Expressions;
using ConnectingNer.Application.Catalog.ReadModels;

namespace ConnectingNer.Application.Catalog;

/// <summary>
/// Products by id, as the lists of orders, carts and global-id lookups ask for them (one statement for a whole batch;
/// Infrastructure compiles it once per shape: whole, or each projection it is given).
/// </summary>
public interface IProductReader
{
    /// <param name="includeInactive">Whether products withdrawn from sale are read too (see <see cref="VisibleProducts"/>).</param>
    /// <param name="projection">
    /// The members to read (<c>p =&gt; new ProductReadModel { Id = p.Id, Name = p.Name }</c>), or null for all. The same
    /// instance for the same shape: a reader may keep what it builds for it.
    /// </param>
    Task<IReadOnlyDictionary<int, ProductReadModel>> LoadAsync(IReadOnlyCollection<int> ids, bool includeInactive,
        Expression<Func<ProductReadModel, ProductReadModel>>? projection, CancellationToken cancellationToken);
}
