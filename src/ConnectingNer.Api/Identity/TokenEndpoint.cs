using System.Security.Claims;
using System.Text.Json;
using ConnectingNer.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
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
        HttpContext context, IOpenIddictApplicationManager applications, IOptions<IdentityServerOptions> options)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        // OpenIddict itself refuses grants it was not told about, so the test grant only reaches here in Testing.
        var isTestGrant = request.GrantType == IdentityServerOptions.TestGrantType;
        if (!request.IsClientCredentialsGrantType() && !isTestGrant)
            return Forbid(Errors.UnsupportedGrantType, "This grant type is not supported.");

        var application = await applications.FindByClientIdAsync(request.ClientId!, context.RequestAborted);
        if (application is null) return Forbid(Errors.InvalidClient, "The client is unknown.");

        foreach (var scope in request.GetScopes())
        {
            if (!await applications.HasPermissionAsync(application, Permissions.Prefixes.Scope + scope, context.RequestAborted))
                return Forbid(Errors.InvalidScope, $"This client may not ask for the scope '{scope}'.");
        }

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        if (isTestGrant)
        {
            var subject = (string?)request["subject"];
            if (string.IsNullOrEmpty(subject)) return Forbid(Errors.InvalidRequest, "The test grant needs a 'subject'.");
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
        identity.SetResources(IdentityServerOptions.ApiResource);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        var principal = new ClaimsPrincipal(identity);
        if (!isTestGrant) principal.SetAccessTokenLifetime(options.Value.PartnerTokenLifetime);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Forbid(string error, string description) =>
        Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
