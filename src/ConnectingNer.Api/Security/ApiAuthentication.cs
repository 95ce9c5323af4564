using ConnectingNer.GraphQL.Server;
using Microsoft.AspNetCore.Authentication;

namespace ConnectingNer.Api.Security;

/// <summary>
/// ASP.NET Core's authentication middleware, except for GraphQL requests without an Authorization header. The API
/// accepts bearer access tokens in that header and nothing else (no cookies, no tokens in URLs), so such a request is
/// anonymous, and the middleware's work would be waste: OpenIddict's server and validation handlers inspect every
/// request for an endpoint or a token of theirs, about a fifth of the server's CPU for an anonymous catalog read.
/// </summary>
public sealed class ApiAuthentication(RequestDelegate next, IAuthenticationSchemeProvider schemes, GraphQLServerOptions options)
{
    // WebApplication puts UseAuthentication() in front of the whole pipeline unless the root builder carries this mark,
    // which UseAuthentication() sets. ASP.NET Core has no public constant for it.
    private const string AuthenticationMiddlewareSetKey = "__AuthenticationMiddlewareSet";

    private readonly AuthenticationMiddleware authentication = new(next, schemes);

    public Task InvokeAsync(HttpContext context) =>
        context.Request.Headers.Authorization.Count == 0 && context.Request.Path.StartsWithSegments(options.Path)
            ? next(context)
            : authentication.Invoke(context);

    /// <summary>Use in place of <c>UseAuthentication()</c>.</summary>
    public static IApplicationBuilder Use(IApplicationBuilder app)
    {
        app.Properties[AuthenticationMiddlewareSetKey] = true;
        return app.UseMiddleware<ApiAuthentication>();
    }
}
