using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Ordering;
using ConnectingNer.Application.PrivacyRequests.ReadModels;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Ordering;
using ConnectingNer.Domain.PrivacyRequests;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.PrivacyRequests.Commands;

/// <summary>
/// Correction of what the customer cannot edit themselves (an order's address, a name on an invoice; DPDP Act §12):
/// the data concerned and the requested change go to the privacy officer's queue. An order named must be the
/// customer's own (someone else's answers like a missing one).
/// </summary>
public sealed record RequestCorrectionCommand(string What, string Correction, int? OrderId) : ICommand<Result<PrivacyRequestReadModel>>;

public sealed class RequestCorrectionCommandHandler(
    IApplicationDbContext db, ICurrentUser user, PrivacyRequestClock clock, PrivacyRequestNotices notices, TimeProvider time)
    : ICommandHandler<RequestCorrectionCommand, Result<PrivacyRequestReadModel>>
{
    public async ValueTask<Result<PrivacyRequestReadModel>> Handle(RequestCorrectionCommand command, CancellationToken cancellationToken)
    {
        var me = user.PartnerId is null && user.TryGetPersonId(out var id) ? id : Guid.Empty;
        string? order = null;
        if (command.OrderId is { } orderId
            && (order = await db.Orders.Where(o => o.Id == orderId && o.CustomerId == me).Select(o => o.Number).SingleOrDefaultAsync(cancellationToken)) is null)
            return OrderingErrors.OrderNotFound("orderId");
        var subject = order is null ? command.What : $"{command.What?.Trim()} (order {order})";
        return await PrivacyRequestIntake.ReceiveAsync(db, user, clock, notices, time, PrivacyRequestType.Correction,
            (customer, regime, due, now) => PrivacyRequest.Receive(customer, PrivacyRequestType.Correction, regime, subject, command.Correction, due, now),
            cancellationToken);
    }
}
