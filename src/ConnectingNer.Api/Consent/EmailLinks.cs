using ConnectingNer.Api.Identity;
using ConnectingNer.Application.Consent.Commands;
using ConnectingNer.Domain.Common;
using Mediator;

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
