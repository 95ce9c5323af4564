using System.Text.Encodings.Web;
using ConnectingNer.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenIddict.Validation.AspNetCore;

namespace ConnectingNer.Api.Security;

/// <summary>
/// The API's authentication scheme: a bearer access token this node has already validated answers from the
/// <see cref="AccessTokenCache"/>; any other is validated in full by OpenIddict (signature, lifetime, audience, token
/// and authorization entries) and, once accepted, kept. Challenges and refusals are OpenIddict's.
/// </summary>
public sealed class CachedBearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccessTokenCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    private const string Validation = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = BearerToken(Request);
        if (token is not null && cache.TryGet(token, out var principal)) return Success(principal);

        var generation = cache.Generation;
        var result = await Context.AuthenticateAsync(Validation);
        if (token is not null && result.Succeeded) cache.Add(token, result.Principal, generation);
        return result;
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => Context.ChallengeAsync(Validation, properties);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => Context.ForbidAsync(Validation, properties);

    /// <summary>The request's bearer token when this node has it validated already, without running any handler.
    /// The token is read in place from the header: a token is a couple of kilobytes, and a copy of it per request was
    /// most of what a signed-in request allocated before its resolvers ran.</summary>
    public static AuthenticateResult? FromCache(HttpRequest request, AccessTokenCache cache) =>
        BearerTokenSpan(request, out var token) && cache.TryGet(token, out var principal) ? Success(principal) : null;

    private static AuthenticateResult Success(System.Security.Claims.ClaimsPrincipal principal) =>
        AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));

    private static string? BearerToken(HttpRequest request) =>
        BearerTokenSpan(request, out var token) ? token.ToString() : null;

    private static bool BearerTokenSpan(HttpRequest request, out ReadOnlySpan<char> token)
    {
        token = default;
        var header = request.Headers.Authorization;
        if (header.Count != 1) return false;
        var value = header[0];
        if (value is not { Length: > 7 } || !value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return false;
        token = value.AsSpan(7).Trim();
        return true;
    }
}
