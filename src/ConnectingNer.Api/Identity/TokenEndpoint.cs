using ConnectingNer.Infrastructure.Accounts;
using System.Security.Claims;
using System.Text.Json;
using ConnectingNer.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ConnectingNer.Api.Identity;

/// <summary>
/// The part of <c>/connect/token</c> that decides what a token says. OpenIddict has already authenticated the client
/// and checked that it may use the grant; this checks each requested scope against the client's permissions.
/// </summary>
public static class TokenEndpoint
{
    public static void Map(WebApplication app) => app.MapPost("/connect/token", ExchangeAsync).ExcludeFromDescription();

    private static async Task<IResult> ExchangeAsync(
        HttpContext context, IOpenIddictApplicationManager applications, IOptions<IdentityServerOptions> options,
        UserManager<AppUser> users, UserSessions sessions)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
            return await RedeemAsync(context, users, sessions);
        // OpenIddict itself refuses grants it was not told about, so the test grant only reaches here in Testing.
        var isTestGrant = request.GrantType == IdentityServerOptions.TestGrantType;
        if (!request.IsClientCredentialsGrantType() && !isTestGrant)
            return AuthorizationEndpoints.Forbid(Errors.UnsupportedGrantType, "This grant type is not supported.");

        var application = await applications.FindByClientIdAsync(request.ClientId!, context.RequestAborted);
        if (application is null) return AuthorizationEndpoints.Forbid(Errors.InvalidClient, "The client is unknown.");

        foreach (var scope in request.GetScopes())
        {
            if (!await applications.HasPermissionAsync(application, Permissions.Prefixes.Scope + scope, context.RequestAborted))
                return AuthorizationEndpoints.Forbid(Errors.InvalidScope, $"This client may not ask for the scope '{scope}'.");
        }

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        if (isTestGrant)
        {
            var subject = (string?)request["subject"];
            if (string.IsNullOrEmpty(subject)) return AuthorizationEndpoints.Forbid(Errors.InvalidRequest, "The test grant needs a 'subject'.");
            identity.SetClaim(Claims.Subject, subject);
            identity.SetClaims(Claims.Role, [.. ((string?)request["roles"] ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)]);
        }
        else
        {
            identity.SetClaim(Claims.Subject, await applications.GetClientIdAsync(application, context.RequestAborted));
            identity.SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application, context.RequestAborted));
            var properties = await applications.GetPropertiesAsync(application, context.RequestAborted);
            if (properties.TryGetValue(IdentitySeeder.PartnerIdProperty, out var partner) && partner.ValueKind == JsonValueKind.String)
                identity.SetClaim(IdentitySeeder.PartnerIdProperty, partner.GetString());
        }

        identity.SetScopes(request.GetScopes());
        // The test grant may name another audience, so tests can show the API refuses tokens meant for someone else.
        identity.SetResources(isTestGrant && (string?)request["test_audience"] is { Length: > 0 } audience ? audience : IdentityServerOptions.ApiResource);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        var principal = new ClaimsPrincipal(identity);
        if (!isTestGrant) principal.SetAccessTokenLifetime(options.Value.PartnerTokenLifetime);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>
    /// A code or refresh token OpenIddict has validated (client, PKCE verifier, not yet used, authorization still
    /// valid): the account must still exist, be allowed to sign in and have the security stamp it had then; its claims are
    /// read afresh.
    /// </summary>
    private static async Task<IResult> RedeemAsync(HttpContext context, UserManager<AppUser> users, UserSessions sessions)
    {
        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var user = result.Principal?.GetClaim(Claims.Subject) is { } subject ? await users.FindByIdAsync(subject) : null;
        if (user is null) return AuthorizationEndpoints.Forbid(Errors.InvalidGrant, "The account no longer exists.");
        if (!await sessions.CanSignInAsync(user)) return AuthorizationEndpoints.Forbid(Errors.InvalidGrant, "The account may not sign in now.");
        var principal = result.Principal!;
        // A password reset, a confirmation or a lock since the code or refresh token was issued renewed the stamp: it is void.
        if (principal.GetClaim(UserSessions.StampClaim) != await sessions.StampDigestAsync(user))
            return AuthorizationEndpoints.Forbid(Errors.InvalidGrant, "The account's credentials changed since this grant was issued: sign in again.");
        var identity = await sessions.CreateTokenIdentityAsync(user, principal.GetScopes(), (ClaimsIdentity)principal.Identity!);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
