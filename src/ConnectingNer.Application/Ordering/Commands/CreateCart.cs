using ConnectingNer.Application.Common.Exceptions;
using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Ordering.ReadModels;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Ordering;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Ordering.Commands;

/// <summary>
/// A new cart for a device; a signed-in customer gets their one cart (created the first time), so it follows them
/// across devices.
/// </summary>
public sealed record CreateCartCommand : ICommand<Result<CartReadModel>>;

public sealed class CreateCartCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CreateCartCommand, Result<CartReadModel>>
{
    public async ValueTask<Result<CartReadModel>> Handle(CreateCartCommand command, CancellationToken cancellationToken)
    {
        Guid? owner = user.PartnerId is null && user.TryGetPersonId(out var me) ? me : null;
        if (owner is { } customer && await db.Carts.AsNoTracking().Include(c => c.Lines).SingleOrDefaultAsync(c => c.CustomerId == customer, cancellationToken) is { } existing)
            return Result.Success(await Carts.ReadAsync(db, existing, cancellationToken));

        var cart = Cart.Create(owner, clock.GetUtcNow());
        db.Carts.Add(cart);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintException) when (owner is not null)
        {
            // The same customer created their cart on another device at the same moment: that one is theirs.
            db.Carts.Entry(cart).State = EntityState.Detached;
            var winner = await db.Carts.AsNoTracking().Include(c => c.Lines).SingleAsync(c => c.CustomerId == owner, cancellationToken);
            return Result.Success(await Carts.ReadAsync(db, winner, cancellationToken));
        }

        return Result.Success(await Carts.ReadAsync(db, cart, cancellationToken));
    }
}
