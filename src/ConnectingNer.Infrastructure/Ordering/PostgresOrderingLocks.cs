using ConnectingNer.Application.Ordering;
using ConnectingNer.Domain.Ordering;
using ConnectingNer.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

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

    public async Task<int?> TakeStockAsync(IReadOnlyList<(int ProductId, int Quantity)> lines, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ordered = lines.OrderBy(l => l.ProductId).ToList();
        // One statement per product, sent as one batch: PostgreSQL runs them in order (row locks in id order), and
        // each answers with its id only when it took the units.
        await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection(),
            (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
        foreach (var (productId, quantity) in ordered)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(
                "UPDATE products SET stock = stock - $1, updated_at = $2 WHERE id = $3 AND stock >= $1 RETURNING id")
            {
                Parameters = { new() { Value = quantity }, new() { Value = now }, new() { Value = productId } },
            });
        }

        var taken = new HashSet<int>();
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            do
            {
                while (await reader.ReadAsync(cancellationToken)) taken.Add(reader.GetInt32(0));
            }
            while (await reader.NextResultAsync(cancellationToken));
        }

        return ordered.Where(l => !taken.Contains(l.ProductId)).Select(l => (int?)l.ProductId).FirstOrDefault();
    }

    public async Task ReturnStockAsync(int productId, int quantity, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE products SET stock = stock + {quantity}, updated_at = {now} WHERE id = {productId}", cancellationToken);
}
