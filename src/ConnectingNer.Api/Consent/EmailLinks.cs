using ConnectingNer.Api.Identity;
using ConnectingNer.Application.Consent.Commands;
using ConnectingNer.Domain.Common;
using ConnectingNer.Infrastructure.Accounts;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace ConnectingNer.Api.Consent;

/// <summary>
/// The links in emails that act without a session. Opening one (GET) only shows a page with a button: mail scanners
/// that fetch links change nothing. The action is the POST, which is also what a mail client's one-click unsubscribe
/// sends (RFC 8058: <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c>). The signed token in the link is the
/// only credential: no cookie, no anti-forgery token (the mail provider has neither).
/// </summary>
public static class EmailLinks
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/unsubscribe", (HttpContext context, string? token) => Confirm(context, "Unsubscribe",
            "Stop receiving our newsletter and offers by email at this address?", "/unsubscribe", token, "Unsubscribe")).ExcludeFromDescription();
        app.MapPost("/unsubscribe", async (HttpContext context, ISender sender, string? token) => Outcome(context,
            await sender.Send(new UnsubscribeCommand(token ?? ""), context.RequestAborted),
            "You are unsubscribed", "You will receive no more marketing email at this address. You can subscribe again at any time."))
            .DisableAntiforgery().ExcludeFromDescription();
        app.MapGet("/newsletter/confirm", (HttpContext context, string? token) => Confirm(context, "Confirm your subscription",
            "Receive the Connecting NER newsletter and offers at this address? You can unsubscribe from any email.", "/newsletter/confirm", token,
            "Subscribe")).ExcludeFromDescription();
        app.MapPost("/newsletter/confirm", async (HttpContext context, ISender sender, string? token) =>
        {
            var result = await sender.Send(new ConfirmNewsletterSubscriptionCommand(token ?? ""), context.RequestAborted);
            return Outcome(context, result, "You are subscribed", "Thank you. Every email has a link to unsubscribe.");
        }).DisableAntiforgery().ExcludeFromDescription();
        app.MapMethods("/account/guardian-consent", [HttpMethods.Get, HttpMethods.Post], GuardianAsync).ExcludeFromDescription();
    }

    /// <summary>
    /// The guardian's link: it acts only for the signed-in account (the sign-in pages' session), so a guardian who is
    /// not signed in is sent to sign in first and comes back here; the confirmation is a form with an anti-forgery token.
    /// </summary>
    private static async Task<IResult> GuardianAsync(HttpContext context, ISender sender, UserManager<AppUser> users, string? token)
    {
        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var account = session.Succeeded && users.GetUserId(session.Principal!) is { } id && Guid.TryParse(id, out var guid) ? guid : (Guid?)null;
        var here = $"/account/guardian-consent?token={Uri.EscapeDataString(token ?? "")}";
        if (account is null) return Results.Redirect($"/account/login?returnUrl={Uri.EscapeDataString(here)}");
        if (HttpMethods.IsGet(context.Request.Method))
            return Html.Page(context, "Consent as a guardian", "<p>A young person named you as their parent or guardian. Consent for them, so "
                + "that their own choices about analytics, recommendations and offers count?</p>" + Html.Form(context, here, "", "I consent"));
        if (!await Html.IsFormValidAsync(context)) return Html.Page(context, "Consent as a guardian", Html.Errors(["The form expired; open the link again."]),
            StatusCodes.Status400BadRequest);
        return Outcome(context, await sender.Send(new ConfirmGuardianConsentCommand(token ?? "", account), context.RequestAborted),
            "Thank you", "Your consent is recorded. You can withdraw it by writing to the privacy officer.");
    }

    private static IResult Confirm(HttpContext context, string title, string question, string action, string? token, string button) =>
        Html.Page(context, title, $"""
            <p>{Html.Encode(question)}</p>
            <form method="post" action="{Html.Encode($"{action}?token={Uri.EscapeDataString(token ?? "")}")}">
            <input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">{Html.Encode(button)}</button></form>
            """);

    private static IResult Outcome(HttpContext context, Result result, string title, string done) => result.IsSuccess
        ? Html.Page(context, title, $"""<p class="note">{Html.Encode(done)}</p>""")
        : Html.Page(context, "This link does not work", Html.Errors(result.Errors.Select(e => e.Message)), StatusCodes.Status400BadRequest);
}
