using ConnectingNer.Application.Common.Validation;
using ConnectingNer.Domain.Common;
using FluentValidation;

namespace ConnectingNer.Application.Ordering.Commands;

public sealed class InviteOrganisationMemberCommandValidator : AbstractValidator<InviteOrganisationMemberCommand>
{
    public InviteOrganisationMemberCommandValidator() =>
        RuleFor(c => c.Email).NotEmpty().MaximumLength(254).EmailAddress()
            .WithError(new Error("organisation.email_invalid", "Give the email address of the person to invite."));
}
