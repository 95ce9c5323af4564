using System.Reflection;
using ConnectingNer.Application.Common.Exceptions;
using ConnectingNer.Application.Common.Security;
using Mediator;

namespace ConnectingNer.Application.Common.Behaviors;

/// <summary>Refuses a request marked with <see cref="AuthorizeAttribute"/> unless the caller satisfies every policy.</summary>
public sealed class AuthorizationBehavior<TMessage, TResponse>(ICurrentUser user)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly string[] RequiredPolicies = typeof(TMessage)
        .GetCustomAttributes<AuthorizeAttribute>()
        .Select(a => a.Policy)
        .ToArray();

    // A request without policies (most queries) goes straight on, without an await of its own.
    public ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken) =>
        RequiredPolicies.Length == 0 ? next(message, cancellationToken) : HandleAuthorized(message, next, cancellationToken);

    private async ValueTask<TResponse> HandleAuthorized(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        foreach (var policy in RequiredPolicies)
        {
            if (!user.IsAuthenticated) throw new AccessDeniedException(policy, isAuthenticated: false);
            if (!user.Satisfies(policy))
                throw new AccessDeniedException(policy, isAuthenticated: true);
        }

        return await next(message, cancellationToken);
    }
}
