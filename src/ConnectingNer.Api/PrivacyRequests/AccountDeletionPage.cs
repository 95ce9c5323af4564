using ConnectingNer.Api.Identity;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.PrivacyRequests;
using ConnectingNer.Application.PrivacyRequests.Commands;
using ConnectingNer.Infrastructure.Accounts;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace ConnectingNer.Api.PrivacyRequests;

/// <summary>
/// <c>/account/delete</c>: the public web path to erase an account (app stores ask apps that create accounts for one).
/// It acts only for the sign-in pages' session, begun no more than ten minutes ago; otherwise the person signs in
/// again and comes back. The page shows the preview (what goes, what stays and why); the erasure is a form with an
/// anti-forgery token. In the apps the same is <c>previewErasure</c> and <c>requestErasure</c>.
/// </summary>
public static class AccountDeletionPage
{
    public const string Path = "/account/delete";

    public static void Map(WebApplication app) =>
        app.MapMethods(Path, [HttpMethods.Get, HttpMethods.Post], DeleteAsync).ExcludeFromDescription();

    private static async Task<IResult> DeleteAsync(HttpContext context, UserManager<AppUser> users, IPersonalDataEraser eraser, ISender sender,
        TimeProvider clock)
    {
        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var account = session.Succeeded && users.GetUserId(session.Principal!) is { } id && Guid.TryParse(id, out var guid) ? guid : (Guid?)null;
        var signedInAt = session.Properties?.IssuedUtc;
        if (account is null || signedInAt is null || clock.GetUtcNow() - signedInAt > CurrentUserExtensions.RecentSignIn)
            return Results.Redirect($"/account/login?returnUrl={Uri.EscapeDataString(Path)}");

        if (HttpMethods.IsGet(context.Request.Method))
        {
            var preview = await eraser.PreviewAsync(account.Value, context.RequestAborted);
            var deleted = string.Concat(preview.Deleted.Where(d => d.Count > 0).Select(d => $"<li>{Html.Encode(d.Description)} ({d.Count})</li>"));
            var kept = string.Concat(preview.Kept.Where(k => k.Count > 0).Select(k =>
                $"<li>{Html.Encode(k.Description)} ({k.Count}): {Html.Encode(k.Reason)}{(k.Until is { } until ? $", until {until:d MMMM yyyy}" : "")}</li>"));
            var body = $"<p>Erasing your account cannot be undone.</p><h2>Deleted</h2><ul>{deleted}</ul><h2>Kept</h2><ul>{kept}</ul>";
            return preview.CanErase
                ? Html.Page(context, "Delete your account", body + Html.Form(context, Path, "", "Delete my account and data"))
                : Html.Page(context, "Delete your account", body + Html.Errors(preview.Blockers.Select(b => b.Message)), StatusCodes.Status409Conflict);
        }

        if (!await Html.IsFormValidAsync(context))
            return Html.Page(context, "Delete your account", Html.Errors(["The form expired; open the page again."]), StatusCodes.Status400BadRequest);
        var result = await sender.Send(new EraseAccountFromWebCommand(account.Value, signedInAt.Value), context.RequestAborted);
        if (!result.IsSuccess)
            return Html.Page(context, "Delete your account", Html.Errors(result.Errors.Select(e => e.Message)), StatusCodes.Status409Conflict);
        await context.SignOutAsync(IdentityConstants.ApplicationScheme);
        return Html.Page(context, "Your account is deleted", $"<p>{Html.Encode(result.Value.Resolution)}</p>");
    }
}
