using ConnectingNer.Application.Common.Idempotency;
using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Ordering.ReadModels;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Ordering;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Ordering.Commands;

/// <summary>
/// A payment partner reports a payment: a PENDING_PAYMENT order with exactly that total becomes PAID and gets its GST
/// invoice. Exactly once per idempotency key (a provider's webhook retries).
/// </summary>
[Authorize(Policies.PaymentsProcess)]
public sealed record RecordPaymentCommand(string OrderNumber, long AmountPaise, string ProviderReference, string? IdempotencyKey)
    : ICommand<Result<PaymentReceiptReadModel>>, IIdempotentCommand;

public sealed class RecordPaymentCommandHandler(IApplicationDbContext db, IOrderingLocks locks, IOrderNumbers numbers, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RecordPaymentCommand, Result<PaymentReceiptReadModel>>
{
    public async ValueTask<Result<PaymentReceiptReadModel>> Handle(RecordPaymentCommand command, CancellationToken cancellationToken)
    {
        var number = command.OrderNumber.Trim();
        var id = await db.Orders.AsNoTracking().Where(o => o.Number == number).Select(o => (int?)o.Id).SingleOrDefaultAsync(cancellationToken);
        if (id is null) return OrderingErrors.OrderNotFound("orderNumber");
        await locks.LockOrderAsync(id.Value, cancellationToken);
        var order = await db.Orders.SingleAsync(o => o.Id == id, cancellationToken);
        var now = clock.GetUtcNow();
        var paid = order.RecordPayment(command.AmountPaise, command.ProviderReference.Trim(), user.Actor(), now);
        if (!paid.IsSuccess) return Result<PaymentReceiptReadModel>.FromErrors(paid.Errors);
        if (order.NeedsInvoice) await Invoices.IssueAsync(order, numbers, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(new PaymentReceiptReadModel(order.Number, order.TotalPaise, order.Status, order.PaymentReference!));
    }
}
