using System.Security.Claims;
using ConnectingNer.GraphQL.Server.Errors;
using GraphQL;
using GraphQL.Instrumentation;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.GraphQL.Server.Authorization;

/// <summary>
/// Enforces GraphQL.NET's authorization metadata (<c>Authorize()</c>, <c>AuthorizeWithPolicy()</c>,
/// <c>AuthorizeWithRoles()</c>) on fields and on their parent object type, as HotChocolate's <c>@authorize</c>
/// does before the resolver: a denied field resolves to <c>null</c> with an <c>AUTH_NOT_AUTHENTICATED</c> or
/// <c>AUTH_NOT_AUTHORIZED</c> error with the field's path, and the rest of the result is kept. The resolver never
/// runs for a denied caller. Policies are resource-based: a field's policy judges the parent object (the person
/// whose email it is), a type's policy the object itself. A policy the server does not know denies (fail closed).
/// It wraps only the fields that carry such metadata, or whose type does (<see cref="Visitor"/>): a plain field, read
/// once per item of every page, runs its resolver with nothing around it.
/// </summary>
public sealed class AuthorizationFieldMiddleware : IFieldMiddleware
{
    /// <summary>
    /// Puts the middleware around the resolver of every field that requires authorization, or whose object type does,
    /// once the schema's types are built (their metadata is set in their constructors). Runs after GraphQL.NET's own
    /// middleware, so authorization stays outermost.
    /// </summary>
    public sealed class Visitor : BaseSchemaNodeVisitor
    {
        private static readonly AuthorizationFieldMiddleware Middleware = new();

        public override void VisitObjectFieldDefinition(FieldType field, IObjectGraphType type, ISchema schema)
        {
            if (!field.IsAuthorizationRequired() && !type.IsAuthorizationRequired()) return;
            FieldMiddlewareDelegate next = (field.Resolver ?? (field.StreamResolver is null ? NameFieldResolver.Instance : SourceFieldResolver.Instance)).ResolveAsync;
            field.Resolver = new FuncFieldResolver<object>(context => Middleware.ResolveAsync(context, next));
        }
    }

    public ValueTask<object?> ResolveAsync(IResolveFieldContext context, FieldMiddlewareDelegate next)
    {
        var field = context.FieldDefinition;
        var parent = context.ParentType;
        if (!field.IsAuthorizationRequired() && !parent.IsAuthorizationRequired()) return next(context);
        return AuthorizeThenResolveAsync(context, next, field, parent);
    }

    private static async ValueTask<object?> AuthorizeThenResolveAsync(
        IResolveFieldContext context, FieldMiddlewareDelegate next, FieldType field, IComplexGraphType parent)
    {
        var user = context.User ?? new ClaimsPrincipal(new ClaimsIdentity());
        var denial = await CheckAsync(context, user, parent, context.Source) ?? await CheckAsync(context, user, field, context.Source);
        if (denial is null) return await next(context);

        context.Errors.Add(denial);
        return null;
    }

    private static async Task<ExecutionError?> CheckAsync(IResolveFieldContext context, ClaimsPrincipal user, IMetadataReader target, object? resource)
    {
        if (!target.IsAuthorizationRequired() || target.IsAnonymousAllowed()) return null;

        var authenticated = user.Identity?.IsAuthenticated == true;
        if (!authenticated)
            return Denied(context, ErrorCodes.NotAuthenticated, "The current user is not authenticated.");

        var roles = target.GetRoles();
        if (roles is { Count: > 0 } && !roles.Any(user.IsInRole))
            return Denied(context, ErrorCodes.NotAuthorized, "The current user is not authorized to access this resource.");

        var policies = target.GetPolicies();
        if (policies is { Count: > 0 })
        {
            var authorization = context.RequestServices!.GetRequiredService<IAuthorizationService>();
            foreach (var policy in policies)
            {
                if (!await SatisfiesAsync(authorization, user, resource, policy))
                    return Denied(context, ErrorCodes.NotAuthorized, "The current user is not authorized to access this resource.");
            }
        }

        return null;
    }

    private static async Task<bool> SatisfiesAsync(IAuthorizationService authorization, ClaimsPrincipal user, object? resource, string policy)
    {
        try
        {
            return (await authorization.AuthorizeAsync(user, resource, policy)).Succeeded;
        }
        catch (InvalidOperationException)
        {
            // ASP.NET Core throws for a policy nobody registered: a typo must close the field, not open it.
            return false;
        }
    }

    private static ExecutionError Denied(IResolveFieldContext context, string code, string message)
    {
        var error = new CodedError(code, message) { Path = context.ResponsePath };
        error.AddLocation(context.FieldAst, context.Document);
        return error;
    }
}
