using ConnectingNer.Domain.Ordering;

namespace ConnectingNer.Application.Ordering;

/// <summary>The row locks and guarded updates ordering needs (SQL the unit of work cannot express portably).</summary>
public interface IOrderingLocks
{
    /// <summary>
    /// A cart with its lines, tracked, locked until the transaction ends and read after the lock is granted:
    /// concurrent changes of one cart queue up and each sees what the one before it committed. The statements that
    /// follow in the transaction should be keyed lookups: the database reuses generic plans for them.
    /// </summary>
    Task<Cart?> LockCartAsync(Guid cartId, CancellationToken cancellationToken);

    /// <summary>Locks an order until the transaction ends: its steps are taken one at a time.</summary>
    Task LockOrderAsync(int orderId, CancellationToken cancellationToken);

    /// <summary>A customer's cart, if they have one, tracked and locked like <see cref="LockCartAsync"/>.</summary>
    Task<Cart?> LockCustomerCartAsync(Guid customerId, CancellationToken cancellationToken);

    /// <summary>
    /// Takes each line's units off the shelf only if that many are there (a guarded update per product, in product-id
    /// order so concurrent orders lock rows in one order and never deadlock, all in one round trip). Returns the first
    /// product (by id) that had too few, or null when every line was taken; the caller rolls back on a shortage.
    /// </summary>
    Task<int?> TakeStockAsync(IReadOnlyList<(int ProductId, int Quantity)> lines, DateTimeOffset now, CancellationToken cancellationToken);

    Task ReturnStockAsync(int productId, int quantity, DateTimeOffset now, CancellationToken cancellationToken);
}
