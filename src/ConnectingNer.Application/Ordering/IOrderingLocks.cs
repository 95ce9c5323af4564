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
    /// Takes units off the shelf only if that many are there (one guarded update); false when there are not. Callers
    /// take products in id order, so concurrent orders lock rows in one order and never deadlock.
    /// </summary>
    Task<bool> TakeStockAsync(int productId, int quantity, DateTimeOffset now, CancellationToken cancellationToken);

    Task ReturnStockAsync(int productId, int quantity, DateTimeOffset now, CancellationToken cancellationToken);
}
