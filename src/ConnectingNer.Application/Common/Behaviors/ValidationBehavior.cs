using ConnectingNer.Domain.Common;
using FluentValidation;
using Mediator;

namespace ConnectingNer.Application.Common.Behaviors;

/// <summary>
/// Runs the FluentValidation validators of a request. Failures become a failed <see cref="Result{T}"/>
/// (payload errors) when the response is a result, and a <see cref="ValidationException"/> otherwise.
/// </summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    // A request without validators (most queries) goes straight on, without an await of its own. The container gives
    // the validators as an array.
    public ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken) =>
        validators is IValidator<TMessage>[] { Length: 0 } ? next(message, cancellationToken) : HandleValidated(message, next, cancellationToken);

    private async ValueTask<TResponse> HandleValidated(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        foreach (var validator in validators)
        {
            var outcome = await validator.ValidateAsync(message, cancellationToken);
            errors.AddRange(outcome.Errors.Select(f => new Error(
                f.ErrorCode, f.ErrorMessage, string.IsNullOrEmpty(f.PropertyName) ? null : ToCamelCase(f.PropertyName))));
        }

        if (errors.Count == 0) return await next(message, cancellationToken);
        return FailureFactory<TResponse>.Create(errors);
    }

    private static string ToCamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
