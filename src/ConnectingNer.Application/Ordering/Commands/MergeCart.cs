using ConnectingNer.Application.Accounts;
using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Ordering.ReadModels;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Ordering;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Ordering.Commands;

/// <summary>
/// After signing in: the device's anonymous cart joins the customer's (quantities of one product add up, capped at
/// the maximum) and is deleted; a customer without a cart takes the device's cart as theirs.
/// </summary>
public sealed record MergeCartCommand(Guid CartId) : ICommand<Result<CartReadModel>>;

public sealed class MergeCartCommandHandler(IApplicationDbContext db, IOrderingLocks locks, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<MergeCartCommand, Result<CartReadModel>>
{
    public async ValueTask<Result<CartReadModel>> Handle(MergeCartCommand command, CancellationToken cancellationToken)
    {
        if (user.PartnerId is not null || !user.TryGetPersonId(out var me)) return AccountErrors.NotSignedIn();
        var device = await Carts.LockAsync(db, locks, user, command.CartId, cancellationToken);
        if (device is null) return OrderingErrors.CartNotFound();
        if (device.CustomerId == me) return Result.Success(await Carts.ReadAsync(db, device, cancellationToken));

        var now = clock.GetUtcNow();
        var mine = await locks.LockCustomerCartAsync(me, cancellationToken);
        if (mine is null)
        {
            device.AssignTo(me, now);
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success(await Carts.ReadAsync(db, device, cancellationToken));
        }

        mine.Merge(device, now);
        db.Carts.Remove(device);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(await Carts.ReadAsync(db, mine, cancellationToken));
    }
}
