using ConnectingNer.Application.Ordering;
using ConnectingNer.Domain.Ordering;
using ConnectingNer.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Infrastructure.Ordering;

public sealed class PostgresOrderingLocks(AppDbContext db) : IOrderingLocks
{
    // Two statements on purpose: under READ COMMITTED a statement reads with the snapshot it started with, so lines
    // joined in the locking statement itself could be those a concurrent checkout has just emptied. Loading after
    // the lock is granted reads what that checkout committed.
    // The lock's round trip also tells PostgreSQL to use generic plans until the transaction ends: what follows a cart
    // lock (the cart, its products and price breaks, the customer, guarded stock updates, inserts) is looked up by
    // key, where a plan made for the values at hand is no better, and making one cost 0.1-0.4 ms of the database's
    // CPU per statement, on every execution (custom plans are what PostgreSQL chose for these statements).
    private const string GenericPlans = "SET LOCAL plan_cache_mode = force_generic_plan; ";

    public async Task<Cart?> LockCartAsync(Guid cartId, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync(GenericPlans + "SELECT 1 FROM carts WHERE id = {0} FOR UPDATE", [cartId], cancellationToken);
        return await db.Carts.Include(c => c.Lines).SingleOrDefaultAsync(c => c.Id == cartId, cancellationToken);
    }

    public async Task LockOrderAsync(int orderId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM orders WHERE id = {orderId} FOR UPDATE", cancellationToken);

    public async Task<Cart?> LockCustomerCartAsync(Guid customerId, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync(GenericPlans + "SELECT 1 FROM carts WHERE customer_id = {0} FOR UPDATE", [customerId], cancellationToken);
        return await db.Carts.Include(c => c.Lines).SingleOrDefaultAsync(c => c.CustomerId == customerId, cancellationToken);
    }

    public async Task<bool> TakeStockAsync(int productId, int quantity, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE products SET stock = stock - {quantity}, updated_at = {now} WHERE id = {productId} AND stock >= {quantity}",
            cancellationToken) == 1;

    public async Task ReturnStockAsync(int productId, int quantity, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE products SET stock = stock + {quantity}, updated_at = {now} WHERE id = {productId}", cancellationToken);
}
