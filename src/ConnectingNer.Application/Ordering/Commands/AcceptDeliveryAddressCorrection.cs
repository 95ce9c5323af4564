using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Customers;
using ConnectingNer.Application.Customers.Commands;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Customers;
using ConnectingNer.Domain.Ordering;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Ordering.Commands;

/// <summary>
/// The customer takes the courier's corrected address into their address book: it replaces the address the order
/// was shipped to (or is added, if that one was removed since). The answer is the order's id.
/// </summary>
[Authorize(Policies.OrdersWrite)]
public sealed record AcceptDeliveryAddressCorrectionCommand(int OrderId) : ICommand<Result<int>>;

public sealed class AcceptDeliveryAddressCorrectionCommandHandler(IApplicationDbContext db, IOrderAddressVault vault, ICustomerStore customers, ICurrentUser user)
    : ICommandHandler<AcceptDeliveryAddressCorrectionCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(AcceptDeliveryAddressCorrectionCommand command, CancellationToken cancellationToken)
    {
        if (!user.TryGetPersonId(out var me)) return OrderingErrors.OrderNotFound();
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == command.OrderId && o.CustomerId == me, cancellationToken);
        if (order is null) return OrderingErrors.OrderNotFound();
        var shipment = await db.Shipments.SingleOrDefaultAsync(s => s.OrderId == order.Id, cancellationToken);
        if (shipment is not { CorrectionOffered: true, CorrectedAddress: { } sealedAddress }) return OrderingErrors.CorrectionNotFound("orderId");
        var opened = await vault.OpenAsync([(0, me, sealedAddress)], cancellationToken);
        if (!opened.TryGetValue(0, out var corrected)) return OrderingErrors.CorrectionNotFound("orderId");

        var kept = await MyCustomer.ChangeAsync(customers, user, customer =>
        {
            var previous = customer.Addresses.FirstOrDefault(a => a.Id == order.ShippingAddressId);
            var address = Address.Create(previous?.Id ?? Guid.CreateVersion7(), AddressKind.Shipping, corrected.RecipientName, corrected.Line1,
                corrected.Line2, corrected.City, corrected.State, corrected.PostalCode, corrected.CountryCode, corrected.Phone, previous?.IsDefault ?? false);
            if (!address.IsSuccess) return address;
            return previous is null ? customer.AddAddress(address.Value) : customer.ReplaceAddress(address.Value);
        }, cancellationToken);
        if (!kept.IsSuccess) return Result<int>.FromErrors(kept.Errors);
        shipment.CloseCorrectionOffer();
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(order.Id);
    }
}
