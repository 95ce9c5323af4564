using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Ordering.ReadModels;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Ordering;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Ordering.Commands;

/// <summary>The logistics partner reports progress on its own shipment: SHIPPED (with a tracking number), then DELIVERED; the order follows.</summary>
[Authorize(Policies.OrdersFulfil)]
public sealed record UpdateShipmentCommand(int ShipmentId, ShipmentStatus Status, string? TrackingNumber, string? Note) : ICommand<Result<ShipmentReadModel>>;

public sealed class UpdateShipmentCommandHandler(IApplicationDbContext db, IOrderingLocks locks, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<UpdateShipmentCommand, Result<ShipmentReadModel>>
{
    public async ValueTask<Result<ShipmentReadModel>> Handle(UpdateShipmentCommand command, CancellationToken cancellationToken)
    {
        var shipment = await db.Shipments.SingleOrDefaultAsync(s => s.Id == command.ShipmentId && s.PartnerId == user.PartnerId, cancellationToken);
        if (shipment is null) return OrderingErrors.ShipmentNotFound();
        var now = clock.GetUtcNow();
        var result = await OrderSteps.ChangeAsync(db, locks, shipment.OrderId, _ => true, order =>
        {
            var advanced = shipment.Advance(command.Status, command.TrackingNumber?.Trim(), now);
            if (!advanced.IsSuccess) return Task.FromResult(advanced);
            var to = command.Status == ShipmentStatus.Shipped ? OrderStatus.Shipped : OrderStatus.Delivered;
            return Task.FromResult(order.Move(to, user.Actor(), command.Note?.Trim(), now));
        }, now, cancellationToken);
        if (!result.IsSuccess) return Result<ShipmentReadModel>.FromErrors(result.Errors);
        return Result.Success(await Shipments.Mine(db, user).SingleAsync(s => s.Id == shipment.Id, cancellationToken));
    }
}
