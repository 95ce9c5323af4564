using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Domain.Common;
using Mediator;

namespace ConnectingNer.Application.Ordering.Commands;

/// <summary>Cancels an order until it is packed (its owner, or staff); the stock goes back on the shelf.</summary>
public sealed record CancelOrderCommand(int OrderId, string? Note) : ICommand<Result<int>>;

public sealed class CancelOrderCommandHandler(IApplicationDbContext db, IOrderingLocks locks, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CancelOrderCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(CancelOrderCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await OrderSteps.ChangeAsync(db, locks, command.OrderId, user.MayChange,
            order => Task.FromResult(order.Cancel(user.Actor(), command.Note, now)), now, cancellationToken);
    }
}
