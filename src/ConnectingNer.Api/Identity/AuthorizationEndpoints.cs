using ConnectingNer.Infrastructure.Accounts;
using System.Security.Claims;
using ConnectingNer.Application.Customers;
using ConnectingNer.Infrastructure.Identity;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ConnectingNer.Api.Identity;

/// <summary>
/// <c>/connect/authorize</c>, <c>/connect/userinfo</c> and <c>/connect/endsession</c>. OpenIddict has already checked
/// the client, its redirect URI, PKCE and its endpoint permissions before any of these run.
/// </summary>
public static class AuthorizationEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync).ExcludeFromDescription();
        app.MapMethods("/connect/userinfo", [HttpMethods.Get, HttpMethods.Post], UserInfoAsync).ExcludeFromDescription();
        app.MapMethods("/connect/endsession", [HttpMethods.Get, HttpMethods.Post], EndSessionAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> AuthorizeAsync(
        HttpContext context, IOpenIddictApplicationManager applications, UserManager<AppUser> users, UserSessions sessions,
        IOptions<IdentityServerOptions> options)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        var application = await applications.FindByClientIdAsync(request.ClientId!, context.RequestAborted)
            ?? throw new InvalidOperationException("OpenIddict let an unknown client through.");

        // Scopes first: a client asking for more than it may gets invalid_scope, signed in or not.
        foreach (var scope in request.GetScopes())
        {
            var allowed = IdentityServerOptions.UserScopes.Contains(scope) && scope switch
            {
                Scopes.OpenId => true,
                Scopes.OfflineAccess => await applications.HasPermissionAsync(application, Permissions.GrantTypes.RefreshToken, context.RequestAborted),
                _ => await applications.HasPermissionAsync(application, Permissions.Prefixes.Scope + scope, context.RequestAborted),
            };
            if (!allowed) return Forbid(Errors.InvalidScope, $"This client may not ask for the scope '{scope}'.");
        }

        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = session.Succeeded ? await users.GetUserAsync(session.Principal) : null;
        var signedInAt = session.Properties?.IssuedUtc;
        // prompt=login, or a sign-in older than max_age: the person enters their credentials again, once: the way back
        // leaves prompt and max_age out, and the new token's auth_time shows the client how fresh the sign-in is.
        var stale = request.HasPromptValue(PromptValues.Login)
            || (request.MaxAge is { } maxAge && (signedInAt is null || DateTimeOffset.UtcNow - signedInAt > TimeSpan.FromSeconds(maxAge)));
        if (user is null || stale || !await sessions.CanSignInAsync(user))
        {
            if (request.HasPromptValue(PromptValues.None)) return Forbid(Errors.LoginRequired, "The user is not signed in.");
            var returnUrl = context.Request.PathBase + context.Request.Path
                + QueryString.Create(request.GetParameters().Where(p => p.Key is not (Parameters.Prompt or Parameters.MaxAge))
                    .Select(p => KeyValuePair.Create(p.Key, (string?)p.Value)));
            if ((string?)request["idp"] is { Length: > 0 } idp)
            {
                // Social login straight away: our sign-in page is skipped.
                if (!options.Value.ExternalProviders.ContainsKey(idp))
                    return Forbid(Errors.InvalidRequest, $"The identity provider '{idp}' is not offered here.");
                return ExternalLogin.Challenge(idp, returnUrl);
            }

            return Results.Redirect("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        }

        var identity = await sessions.CreateTokenIdentityAsync(user, request.GetScopes(), signedInAt: signedInAt);
        identity.SetAuthorizationId(await sessions.CreateAuthorizationAsync(
            identity, application, session.Principal!.FindFirst(UserSessions.SessionIdClaim)?.Value, context.RequestAborted));
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>The standard claims of the token's subject, as far as the token's scopes reach.</summary>
    private static async Task<IResult> UserInfoAsync(HttpContext context, UserManager<AppUser> users, ICustomerStore customers)
    {
        var token = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        // A partner's token has a client id for its subject, not a person: it has no user info (invalid_token, not a 500).
        var user = Guid.TryParse(token.Principal?.GetClaim(Claims.Subject), out var subject) ? await users.FindByIdAsync(subject.ToString()) : null;
        if (user is null)
        {
            return Results.Challenge(new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The token does not belong to a person's account.",
            }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var principal = token.Principal!;
        var customer = await customers.FindAsync(user.Id, context.RequestAborted);
        var claims = new Dictionary<string, object?>(StringComparer.Ordinal) { [Claims.Subject] = user.Id.ToString() };
        if (principal.HasScope(Scopes.Profile)) claims[Claims.Name] = customer?.Name ?? customer?.Email;
        if (principal.HasScope(Scopes.Email))
        {
            claims[Claims.Email] = customer?.Email;
            claims[Claims.EmailVerified] = user.EmailConfirmed;
        }

        if (principal.HasScope(Scopes.Phone) && customer?.Phone is { } phone)
        {
            claims[Claims.PhoneNumber] = phone;
            claims[Claims.PhoneNumberVerified] = false;
        }

        return Results.Ok(claims);
    }

    /// <summary>
    /// Signs out of the browser session and revokes the tokens it produced. With a valid <c>id_token_hint</c> for
    /// the signed-in person it happens at once; otherwise the person confirms on a page (no sign-out by a stray link).
    /// OpenIddict only returns to a registered <c>post_logout_redirect_uri</c>.
    /// </summary>
    private static async Task<IResult> EndSessionAsync(HttpContext context, UserSessions sessions)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var hint = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var hinted = session.Succeeded && hint.Succeeded
            && hint.Principal!.GetClaim(Claims.Subject) == session.Principal!.FindFirst(Claims.Subject)?.Value;
        var confirmed = HttpMethods.IsPost(context.Request.Method) && await Html.IsFormValidAsync(context)
            && context.Request.Form["confirm"] == "yes";
        if (session.Succeeded && !hinted && !confirmed)
        {
            var hidden = request.GetParameters().Select(p => KeyValuePair.Create(p.Key, (string?)p.Value)).Append(KeyValuePair.Create("confirm", (string?)"yes"));
            return Html.Page(context, "Sign out",
                "<p>Sign out of Connecting NER on this device?</p>" + Html.Form(context, "/connect/endsession", "", "Sign out", hidden));
        }

        if (session.Succeeded) await sessions.SignOutAsync(session.Principal!, context.RequestAborted);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/account/login" },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    /// <summary>A standard OAuth error answer (<c>invalid_scope</c>, <c>invalid_grant</c>, …) from the current OpenIddict endpoint.</summary>
    public static IResult Forbid(string error, string description) =>
        Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
