using ConnectingNer.Application.Common.Validation;
using FluentValidation;

namespace ConnectingNer.Application.Accounts.Commands;

public sealed class RegisterCustomerCommandValidator : AbstractValidator<RegisterCustomerCommand>
{
    public RegisterCustomerCommandValidator()
    {
        RuleFor(c => c.Email).NotEmpty().WithError(AccountErrors.EmailRequired())
            .MaximumLength(AccountErrors.EmailMaxLength).WithError(AccountErrors.EmailInvalid())
            .Must(BeAnEmail).WithError(AccountErrors.EmailInvalid());
        RuleFor(c => c.Password).MinimumLength(AccountErrors.PasswordMinLength).WithError(AccountErrors.PasswordTooShort())
            .MaximumLength(AccountErrors.PasswordMaxLength).WithError(AccountErrors.PasswordTooLong());
        RuleFor(c => c.DisplayName).MaximumLength(AccountErrors.DisplayNameMaxLength).WithError(AccountErrors.DisplayNameTooLong());
    }

    /// <summary>One @, a dotted domain, no spaces: what mail servers accept in practice.</summary>
    public static bool BeAnEmail(string? value)
    {
        var email = value?.Trim() ?? "";
        var at = email.IndexOf('@');
        return at > 0 && at == email.LastIndexOf('@') && at < email.Length - 1
            && email[(at + 1)..].Contains('.') && !email[(at + 1)..].StartsWith('.') && !email.EndsWith('.')
            && !email.Any(char.IsWhiteSpace) && !email.Any(char.IsControl);
    }
}
