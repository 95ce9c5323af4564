using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Domain.Common;
using Mediator;

namespace ConnectingNer.Application.Ordering.Commands;

/// <summary>The customer asks to return a delivered order within the shop's return window.</summary>
[Authorize(Policies.OrdersWrite)]
public sealed record RequestReturnCommand(int OrderId, string? Note) : ICommand<Result<int>>;

public sealed class RequestReturnCommandHandler(IApplicationDbContext db, IOrderingLocks locks, ICurrentUser user, ShopSettings shop, TimeProvider clock)
    : ICommandHandler<RequestReturnCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(RequestReturnCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await OrderSteps.ChangeAsync(db, locks, command.OrderId, user.MayChange,
            order => Task.FromResult(order.RequestReturn(shop.ReturnWindowDays, user.Actor(), command.Note, now)), now, cancellationToken);
    }
}
