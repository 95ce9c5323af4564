using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Customers.Commands;
using ConnectingNer.Application.Ordering.ReadModels;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Customers;
using ConnectingNer.Domain.Ordering;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Ordering.Commands;

/// <summary>
/// The courier found the right address for its own undelivered shipment (the privacy policy says the shop may get
/// updated address information from its shipping partner): the shipment is delivered there, sealed with the
/// customer's key, and the address is offered to the customer for their address book.
/// </summary>
[Authorize(Policies.OrdersFulfil)]
public sealed record ReportDeliveryAddressCorrectionCommand(int ShipmentId, AddressInput Address) : ICommand<Result<ShipmentReadModel>>;

public sealed class ReportDeliveryAddressCorrectionCommandHandler(IApplicationDbContext db, IOrderAddressVault vault, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ReportDeliveryAddressCorrectionCommand, Result<ShipmentReadModel>>
{
    public async ValueTask<Result<ShipmentReadModel>> Handle(ReportDeliveryAddressCorrectionCommand command, CancellationToken cancellationToken)
    {
        var shipment = await db.Shipments.SingleOrDefaultAsync(s => s.Id == command.ShipmentId && s.PartnerId == user.PartnerId, cancellationToken);
        if (shipment is null) return OrderingErrors.ShipmentNotFound();
        var address = command.Address.ToAddress(Guid.Empty);
        if (!address.IsSuccess) return Result<ShipmentReadModel>.FromErrors(address.Errors);
        if (address.Value.CountryCode != "IN" || IndianStates.Find(address.Value.State) is not { } state)
            return OrderingErrors.StateUnknown("address.state");
        if (!IndianStates.HasPin(state, address.Value.PostalCode)) return OrderingErrors.PostalCodeNotInState("address.postalCode");

        var customer = await db.Orders.AsNoTracking().Where(o => o.Id == shipment.OrderId).Select(o => o.CustomerId).SingleAsync(cancellationToken);
        var reported = shipment.ReportCorrection(await vault.SealAsync(customer, PostalAddress.From(address.Value), cancellationToken), clock.GetUtcNow());
        if (!reported.IsSuccess) return Result<ShipmentReadModel>.FromErrors(reported.Errors);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(await Shipments.Mine(db, user).SingleAsync(s => s.Id == shipment.Id, cancellationToken));
    }
}
