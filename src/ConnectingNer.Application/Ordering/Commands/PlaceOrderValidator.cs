using ConnectingNer.Application.Common.Validation;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Ordering;
using FluentValidation;

namespace ConnectingNer.Application.Ordering.Commands;

public sealed class PlaceOrderCommandValidator : AbstractValidator<PlaceOrderCommand>
{
    public PlaceOrderCommandValidator()
    {
        RuleFor(c => c.IdempotencyKey).NotEmpty()
            .WithError(new Error("order.idempotency_key_required", "Send an idempotency key, so that a retried checkout places one order."));
        RuleFor(c => c.PurchaseOrderNumber).MaximumLength(Order.PurchaseOrderNumberMaxLength).WithError(OrderingErrors.PurchaseOrderNumberInvalid());
    }
}
