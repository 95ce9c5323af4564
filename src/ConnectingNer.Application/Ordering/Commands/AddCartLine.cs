using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Ordering.ReadModels;
using ConnectingNer.Domain.Common;
using Mediator;

namespace ConnectingNer.Application.Ordering.Commands;

/// <summary>Adds units of an active product to a cart (to its line, if it has one); stock is checked, not reserved.</summary>
public sealed record AddCartLineCommand(Guid CartId, int ProductId, int Quantity) : ICommand<Result<CartReadModel>>;

public sealed class AddCartLineCommandHandler(IApplicationDbContext db, IOrderingLocks locks, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<AddCartLineCommand, Result<CartReadModel>>
{
    public async ValueTask<Result<CartReadModel>> Handle(AddCartLineCommand command, CancellationToken cancellationToken) =>
        await Carts.ChangeLineAsync(db, locks, user, command.CartId, command.ProductId,
            (cart, stock, sku) => cart.Add(command.ProductId, command.Quantity, stock, sku, clock.GetUtcNow()), cancellationToken);
}
