using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConnectingNer.Api.Tests.Infrastructure;

/// <summary>
/// Test-only sign-in: a request with <c>X-Test-User</c> is authenticated as that subject, with the roles in
/// <c>X-Test-Roles</c> and the scopes in <c>X-Test-Scopes</c> (space-separated). Without the header it is anonymous.
/// Like a real caller, the request also carries an Authorization header (<c>Test</c>): the API authenticates only
/// requests that have one.
/// Registered only by the tests' factory; the real host has no such scheme.
/// </summary>
public sealed class TestAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var user = Request.Headers["X-Test-User"].ToString();
        if (string.IsNullOrEmpty(user)) return Task.FromResult(AuthenticateResult.NoResult());

        var claims = new List<Claim> { new("sub", user) };
        claims.AddRange(Request.Headers["X-Test-Roles"].ToString()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(r => new Claim(ClaimTypes.Role, r)));
        // When the person entered their credentials, in seconds since 1970 (the token's auth_time).
        if (Request.Headers["X-Test-Auth-Time"].ToString() is { Length: > 0 } authTime) claims.Add(new Claim("auth_time", authTime));
        var scopes = Request.Headers["X-Test-Scopes"].ToString();
        if (!string.IsNullOrEmpty(scopes)) claims.Add(new Claim("scope", scopes));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
