using ConnectingNer.Infrastructure.Accounts;
using System.Security.Claims;
using ConnectingNer.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Client.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ConnectingNer.Api.Identity;

/// <summary>
/// Social login: the challenge that sends the browser to Google or Facebook, and <c>/callback/login/{provider}</c>
/// where it comes back, is matched to an account and gets a session cookie.
/// </summary>
public static class ExternalLogin
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/account/external/{provider}", (string provider, string? returnUrl, IOptions<IdentityServerOptions> options) =>
            options.Value.ExternalProviders.ContainsKey(provider)
                ? Challenge(provider, returnUrl ?? "/account")
                : Results.NotFound()).ExcludeFromDescription();
        app.MapMethods("/callback/login/{provider}", [HttpMethods.Get, HttpMethods.Post], CallbackAsync).ExcludeFromDescription();
    }

    /// <summary>Sends the browser to the provider; back here, it continues at <paramref name="returnUrl"/> (local only).</summary>
    public static IResult Challenge(string provider, string returnUrl) =>
        Results.Challenge(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictClientAspNetCoreConstants.Properties.ProviderName] = ExternalProviders.Canonical(provider),
        })
        { RedirectUri = Html.IsLocalUrl(returnUrl) ? returnUrl : "/account" }, [OpenIddictClientAspNetCoreDefaults.AuthenticationScheme]);

    private static async Task<IResult> CallbackAsync(
        HttpContext context, ExternalAccountLinker linker, UserSessions sessions, UserManager<AppUser> users,
        IOptions<IdentityServerOptions> options, ILoggerFactory loggers, AccountMessages messages)
    {
        if (options.Value.ExternalProviders.Count == 0) return Results.NotFound();
        var result = await context.AuthenticateAsync(OpenIddictClientAspNetCoreDefaults.AuthenticationScheme);
        if (!result.Succeeded || result.Principal is not { } principal)
        {
            loggers.CreateLogger(typeof(ExternalLogin)).LogWarning(result.Failure, "A social sign-in did not complete");
            return Html.Page(context, "Sign-in failed",
                """<p class="error">Signing in with the provider did not complete. <a href="/account/login">Try again</a>.</p>""",
                StatusCodes.Status400BadRequest);
        }

        var provider = ExternalProviders.Canonical(principal.GetClaim(Claims.Private.ProviderName) ?? "");
        var settings = options.Value.ExternalProviders.GetValueOrDefault(provider);
        var identity = new ExternalIdentity(
            provider,
            principal.GetClaim(ClaimTypes.NameIdentifier) ?? principal.GetClaim(Claims.Subject) ?? "",
            principal.GetClaim(ClaimTypes.Email) ?? principal.GetClaim(Claims.Email),
            settings?.EmailsAreVerified == true || string.Equals(principal.GetClaim(Claims.EmailVerified), "true", StringComparison.OrdinalIgnoreCase),
            principal.GetClaim(ClaimTypes.Name) ?? principal.GetClaim(Claims.Name));
        if (settings is null || identity.ProviderKey.Length == 0)
            return Html.Page(context, "Sign-in failed", """<p class="error">This provider is not offered here.</p>""", StatusCodes.Status400BadRequest);

        // Already signed in here: the person is linking the provider to their own account.
        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var current = session.Succeeded ? await users.GetUserAsync(session.Principal!) : null;
        var (outcome, user) = current is not null
            ? (await linker.LinkAsync(current, identity), current)
            : await linker.SignInAsync(identity, context.RequestAborted);
        switch (outcome)
        {
            case ExternalSignInOutcome.LinkedElsewhere:
                return Html.Page(context, "Already linked",
                    $"""<p class="error">This {Html.Encode(provider)} login belongs to another account. Sign out and sign in with it, or unlink it there first.</p>""",
                    StatusCodes.Status409Conflict);
            case ExternalSignInOutcome.NoEmail:
                return Html.Page(context, "Sign-in failed",
                    $"""<p class="error">{Html.Encode(provider)} did not share your email address, which we need for your account. Allow it and try again, or <a href="/account/register">register with a password</a>.</p>""",
                    StatusCodes.Status400BadRequest);
            case ExternalSignInOutcome.NotLinkable:
                return Html.Page(context, "Sign in with your password",
                    $"""<p class="error">An account already uses this email address, and we could not confirm it belongs to the same person. Sign in with your password first; you can then link {Html.Encode(provider)}.</p><p><a href="/account/login">Sign in</a> · <a href="/account/forgot-password">Forgot password</a></p>""",
                    StatusCodes.Status409Conflict);
        }

        var returnUrl = Html.IsLocalUrl(result.Properties?.RedirectUri) ? result.Properties!.RedirectUri! : "/account";
        if (current is not null) return Results.Redirect(returnUrl);
        if (!user!.EmailConfirmed && identity.Email is { } address)
        {
            // The provider did not vouch for the address: the same rule as a password account, confirm it first.
            await messages.SendConfirmationAsync(user, address, context.RequestAborted);
            return Html.Page(context, "Confirm your email address first",
                """<p class="error">We could not confirm your email address with the provider. We have sent a confirmation link to it: open it, then sign in again.</p>""",
                StatusCodes.Status403Forbidden);
        }

        if (!await sessions.CanSignInAsync(user))
            return Html.Page(context, "Sign-in failed", """<p class="error">This account cannot sign in now. Try again later.</p>""", StatusCodes.Status403Forbidden);
        await sessions.SignInAsync(user);
        return Results.Redirect(returnUrl);
    }
}
