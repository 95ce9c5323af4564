using ConnectingNer.Application.Common.Validation;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Ordering;
using FluentValidation;

namespace ConnectingNer.Application.Ordering.Commands;

public sealed class RecordPaymentCommandValidator : AbstractValidator<RecordPaymentCommand>
{
    public RecordPaymentCommandValidator()
    {
        RuleFor(c => c.OrderNumber).NotEmpty().MaximumLength(32).WithError(OrderingErrors.OrderNotFound("orderNumber"));
        RuleFor(c => c.AmountPaise).GreaterThan(0).WithError(OrderingErrors.AmountMismatch());
        RuleFor(c => c.ProviderReference).NotEmpty().MaximumLength(100).WithError(OrderingErrors.ProviderReferenceInvalid());
        RuleFor(c => c.IdempotencyKey).NotEmpty()
            .WithError(new Error("payment.idempotency_key_required", "Send an idempotency key, so that a retried notification records one payment."));
    }
}
