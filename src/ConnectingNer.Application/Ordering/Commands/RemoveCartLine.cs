using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Ordering.ReadModels;
using ConnectingNer.Domain.Common;
using Mediator;

namespace ConnectingNer.Application.Ordering.Commands;

/// <summary>Removes a product from a cart (also one that is no longer for sale).</summary>
public sealed record RemoveCartLineCommand(Guid CartId, int ProductId) : ICommand<Result<CartReadModel>>;

public sealed class RemoveCartLineCommandHandler(IApplicationDbContext db, IOrderingLocks locks, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RemoveCartLineCommand, Result<CartReadModel>>
{
    public async ValueTask<Result<CartReadModel>> Handle(RemoveCartLineCommand command, CancellationToken cancellationToken) =>
        await Carts.ChangeAsync(db, locks, user, command.CartId,
            cart => Task.FromResult(cart.Remove(command.ProductId, clock.GetUtcNow())), cancellationToken);
}
