using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Ordering;
using Mediator;

namespace ConnectingNer.Application.Ordering.Commands;

/// <summary>Staff: the goods of a return came back; their stock goes back on the shelf.</summary>
[Authorize(Policies.OrdersManage)]
public sealed record MarkOrderReturnedCommand(int OrderId, string? Note) : ICommand<Result<int>>;

public sealed class MarkOrderReturnedCommandHandler(IApplicationDbContext db, IOrderingLocks locks, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<MarkOrderReturnedCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(MarkOrderReturnedCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await OrderSteps.ChangeAsync(db, locks, command.OrderId, _ => true,
            order => Task.FromResult(order.Move(OrderStatus.Returned, user.Actor(), command.Note, now)), now, cancellationToken);
    }
}
