using ConnectingNer.GraphQL.Server;
using Microsoft.AspNetCore.Authentication;

namespace ConnectingNer.Api.Security;

/// <summary>
/// ASP.NET Core's authentication middleware, except for GraphQL requests. The API accepts bearer access tokens in the
/// Authorization header and nothing else (no cookies, no tokens in URLs), so a GraphQL request without that header is
/// anonymous, and one whose token this node validated before answers from the <see cref="AccessTokenCache"/>: for
/// both the middleware's work would be waste (OpenIddict's server and validation handlers inspect every request for an
/// endpoint or a token of theirs, about a fifth of the server's CPU for an anonymous catalog read). Every other
/// request runs the whole middleware.
/// </summary>
public sealed class ApiAuthentication(
    RequestDelegate next, IAuthenticationSchemeProvider schemes, GraphQLServerOptions options, ConnectingNer.Infrastructure.Identity.AccessTokenCache cache)
{
    // WebApplication puts UseAuthentication() in front of the whole pipeline unless the root builder carries this mark,
    // which UseAuthentication() sets. ASP.NET Core has no public constant for it.
    private const string AuthenticationMiddlewareSetKey = "__AuthenticationMiddlewareSet";

    private readonly AuthenticationMiddleware authentication = new(next, schemes);

    public Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(options.Path)) return authentication.Invoke(context);
        if (context.Request.Headers.Authorization.Count == 0) return next(context);
        if (CachedBearerHandler.FromCache(context.Request, cache) is not { } cached) return authentication.Invoke(context);
        context.User = cached.Principal!;
        context.Features.Set<IAuthenticateResultFeature>(new Authenticated(cached));
        return next(context);
    }

    /// <summary>What the middleware records for later steps (the authorization middleware reads it).</summary>
    private sealed class Authenticated(AuthenticateResult result) : IAuthenticateResultFeature
    {
        public AuthenticateResult? AuthenticateResult { get; set; } = result;
    }

    /// <summary>Use in place of <c>UseAuthentication()</c>.</summary>
    public static IApplicationBuilder Use(IApplicationBuilder app)
    {
        app.Properties[AuthenticationMiddlewareSetKey] = true;
        return app.UseMiddleware<ApiAuthentication>();
    }
}
