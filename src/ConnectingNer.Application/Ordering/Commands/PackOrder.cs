using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Ordering;
using Mediator;

namespace ConnectingNer.Application.Ordering.Commands;

/// <summary>Staff: a paid or confirmed order is packed, and its shipment is assigned to one logistics partner.</summary>
[Authorize(Policies.OrdersManage)]
public sealed record PackOrderCommand(int OrderId, string LogisticsPartnerId) : ICommand<Result<int>>;

public sealed class PackOrderCommandHandler(IApplicationDbContext db, IOrderingLocks locks, IPartnerDirectory partners, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<PackOrderCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(PackOrderCommand command, CancellationToken cancellationToken)
    {
        if (!partners.IsLogisticsPartner(command.LogisticsPartnerId)) return OrderingErrors.PartnerUnknown();
        var now = clock.GetUtcNow();
        return await OrderSteps.ChangeAsync(db, locks, command.OrderId, _ => true, order =>
        {
            var packed = order.Move(OrderStatus.Packed, user.Actor(), null, now);
            if (packed.IsSuccess) db.Shipments.Add(new Shipment(order.Id, command.LogisticsPartnerId, now));
            return Task.FromResult(packed);
        }, now, cancellationToken);
    }
}
