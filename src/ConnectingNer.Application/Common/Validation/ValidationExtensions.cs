using ConnectingNer.Domain.Common;
using FluentValidation;

namespace ConnectingNer.Application.Common.Validation;

public static class ValidationExtensions
{
    /// <summary>Reports a rule failure with the code and message of a domain <see cref="Error"/>.</summary>
    public static IRuleBuilderOptions<T, TProperty> WithError<T, TProperty>(
        this IRuleBuilderOptions<T, TProperty> rule, Error error) =>
        rule.WithErrorCode(error.Code).WithMessage(error.Message);
}
