using GraphQL;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.GraphQL.Common;

public static class ResolverContext
{
    /// <summary>The request's mediator: resolvers only send queries and commands to the Application layer.</summary>
    public static ISender Sender(this IResolveFieldContext context) => context.RequestServices!.GetRequiredService<ISender>();
}
