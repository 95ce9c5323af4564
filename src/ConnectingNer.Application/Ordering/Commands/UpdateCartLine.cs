using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Ordering.ReadModels;
using ConnectingNer.Domain.Common;
using Mediator;

namespace ConnectingNer.Application.Ordering.Commands;

/// <summary>Sets the quantity of a cart's line.</summary>
public sealed record UpdateCartLineCommand(Guid CartId, int ProductId, int Quantity) : ICommand<Result<CartReadModel>>;

public sealed class UpdateCartLineCommandHandler(IApplicationDbContext db, IOrderingLocks locks, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<UpdateCartLineCommand, Result<CartReadModel>>
{
    public async ValueTask<Result<CartReadModel>> Handle(UpdateCartLineCommand command, CancellationToken cancellationToken) =>
        await Carts.ChangeLineAsync(db, locks, user, command.CartId, command.ProductId,
            (cart, stock, sku) => cart.Update(command.ProductId, command.Quantity, stock, sku, clock.GetUtcNow()), cancellationToken);
}
