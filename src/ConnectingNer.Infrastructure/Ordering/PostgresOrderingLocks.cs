using ConnectingNer.Application.Ordering;
using ConnectingNer.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Infrastructure.Ordering;

public sealed class PostgresOrderingLocks(AppDbContext db) : IOrderingLocks
{
    public async Task LockCartAsync(Guid cartId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM carts WHERE id = {cartId} FOR UPDATE", cancellationToken);

    public async Task LockOrderAsync(int orderId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM orders WHERE id = {orderId} FOR UPDATE", cancellationToken);

    public async Task LockCustomerCartAsync(Guid customerId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM carts WHERE customer_id = {customerId} FOR UPDATE", cancellationToken);

    public async Task<bool> TakeStockAsync(int productId, int quantity, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE products SET stock = stock - {quantity}, updated_at = {now} WHERE id = {productId} AND stock >= {quantity}",
            cancellationToken) == 1;

    public async Task ReturnStockAsync(int productId, int quantity, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE products SET stock = stock + {quantity}, updated_at = {now} WHERE id = {productId}", cancellationToken);
}
