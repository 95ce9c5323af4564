using ConnectingNer.Application.Catalog.ReadModels;

namespace ConnectingNer.Application.Catalog;

/// <summary>
/// Products by id, as the lists of orders, carts and global-id lookups ask for them (one statement for a whole batch;
/// Infrastructure compiles it once, since its shape never changes).
/// </summary>
public interface IProductReader
{
    /// <param name="includeInactive">Whether products withdrawn from sale are read too (see <see cref="VisibleProducts"/>).</param>
    Task<IReadOnlyDictionary<int, ProductReadModel>> LoadAsync(IReadOnlyCollection<int> ids, bool includeInactive, CancellationToken cancellationToken);
}
