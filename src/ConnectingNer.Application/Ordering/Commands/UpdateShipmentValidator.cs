using ConnectingNer.Application.Common.Validation;
using ConnectingNer.Domain.Ordering;
using FluentValidation;

namespace ConnectingNer.Application.Ordering.Commands;

public sealed class UpdateShipmentCommandValidator : AbstractValidator<UpdateShipmentCommand>
{
    public UpdateShipmentCommandValidator()
    {
        RuleFor(c => c.TrackingNumber).Matches($"^[A-Za-z0-9-]{{1,{Shipment.TrackingNumberMaxLength}}}$").When(c => c.TrackingNumber is not null).WithError(OrderingErrors.TrackingNumberInvalid());
        RuleFor(c => c.Note).MaximumLength(OrderEvent.NoteMaxLength).WithError(OrderingErrors.NoteTooLong());
    }
}
