using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Ordering;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Ordering;

/// <summary>
/// The shape every step of an order's life shares: lock the order, check the caller may take the step, let the
/// domain decide, put stock back when the order gives it up, save. The answer is the order's id.
/// </summary>
internal static class OrderSteps
{
    /// <summary>How the history names the caller: <c>customer</c>, <c>staff:&lt;id&gt;</c> or <c>partner:&lt;id&gt;</c>.</summary>
    public static string Actor(this ICurrentUser user) =>
        user.PartnerId is { } partner ? "partner:" + partner
        : user.Satisfies(Policies.OrdersManage) ? "staff:" + user.SubjectId
        : "customer";

    /// <summary>True for the order's owner with the write scope, or staff who run orders.</summary>
    public static bool MayChange(this ICurrentUser user, Order order) =>
        user.Satisfies(Policies.OrdersManage)
        || (user.Satisfies(Policies.OrdersWrite) && user.TryGetPersonId(out var me) && me == order.CustomerId);

    public static async Task<Result<int>> ChangeAsync(IApplicationDbContext db, IOrderingLocks locks, int orderId,
        Func<Order, bool> mayChange, Func<Order, Task<Result>> change, DateTimeOffset now, CancellationToken ct)
    {
        await locks.LockOrderAsync(orderId, ct);
        var order = await db.Orders.Include(o => o.Lines).SingleOrDefaultAsync(o => o.Id == orderId, ct);
        // Someone else's order is answered exactly like one that does not exist.
        if (order is null || !mayChange(order)) return OrderingErrors.OrderNotFound();
        var wasRestoring = order.RestoresStock;
        var changed = await change(order);
        if (!changed.IsSuccess) return Result<int>.FromErrors(changed.Errors);
        if (order.RestoresStock && !wasRestoring)
        {
            foreach (var line in order.Lines.OrderBy(l => l.ProductId)) await locks.ReturnStockAsync(line.ProductId, line.Quantity, now, ct);
        }

        await db.SaveChangesAsync(ct);
        return Result.Success(order.Id);
    }
}
