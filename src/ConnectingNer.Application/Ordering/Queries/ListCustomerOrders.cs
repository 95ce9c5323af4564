using ConnectingNer.Application.Common.Exceptions;
using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Ordering.ReadModels;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Ordering.Queries;

/// <summary>
/// The orders reachable below customers (<c>Customer.orders</c>): a customer's own (with <c>orders:read</c>), or
/// any customer's for staff who run orders. Anyone else is refused.
/// </summary>
public sealed record ListCustomerOrdersQuery : IQuery<IQueryable<OrderReadModel>>;

public sealed class ListCustomerOrdersQueryHandler(IApplicationDbContext db, ICurrentUser user) : IQueryHandler<ListCustomerOrdersQuery, IQueryable<OrderReadModel>>
{
    public ValueTask<IQueryable<OrderReadModel>> Handle(ListCustomerOrdersQuery query, CancellationToken cancellationToken)
    {
        var orders = db.Orders.AsNoTracking();
        if (user.Satisfies(Policies.OrdersManage)) return ValueTask.FromResult(orders.Select(OrderReadModel.FromEntity));
        if (user.Satisfies(Policies.OrdersRead) && user.TryGetPersonId(out var me))
            return ValueTask.FromResult(orders.Where(o => o.CustomerId == me).Select(OrderReadModel.FromEntity));
        throw new AccessDeniedException(Policies.OrdersManage, user.IsAuthenticated);
    }
}
