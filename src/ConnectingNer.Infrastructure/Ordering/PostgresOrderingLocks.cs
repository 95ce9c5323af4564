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
    public async Task<Cart?> LockCartAsync(Guid cartId, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM carts WHERE id = {cartId} FOR UPDATE", cancellationToken);
        return await db.Carts.Include(c => c.Lines).SingleOrDefaultAsync(c => c.Id == cartId, cancellationToken);
    }

    public async Task LockOrderAsync(int orderId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM orders WHERE id = {orderId} FOR UPDATE", cancellationToken);

    public async Task<Cart?> LockCustomerCartAsync(Guid customerId, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM carts WHERE customer_id = {customerId} FOR UPDATE", cancellationToken);
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
