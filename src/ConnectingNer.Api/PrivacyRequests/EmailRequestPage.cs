using ConnectingNer.Api.Identity;
using ConnectingNer.Application.PrivacyRequests.Commands;
using Mediator;

namespace ConnectingNer.Api.PrivacyRequests;

/// <summary>
/// <c>/privacy/verify?token=…</c>: the link sent for a request by email (<c>requestWithoutAccount</c>). Opening it (GET)
/// only shows a button, so a mail scanner that fetches links changes nothing; the POST carries the request out: an
/// erasure answers with a page, an access request with the file. The signed token is the only credential.
/// </summary>
public static class EmailRequestPage
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/privacy/verify", (HttpContext context, string? token) => Html.Page(context, "Confirm your privacy request",
            $"""
            <p>Confirm the request you made by email: a copy of the data we hold about your address, or its erasure.</p>
            <form method="post" action="{Html.Encode($"/privacy/verify?token={Uri.EscapeDataString(token ?? "")}")}"><button type="submit">Confirm</button></form>
            """)).ExcludeFromDescription();
        app.MapPost("/privacy/verify", async (HttpContext context, ISender sender, string? token) =>
        {
            var result = await sender.Send(new ConfirmEmailRequestCommand(token ?? ""), context.RequestAborted);
            if (!result.IsSuccess)
                return Html.Page(context, "This link does not work", Html.Errors(result.Errors.Select(e => $"{e.Message} ({e.Code})")), StatusCodes.Status400BadRequest);
            if (result.Value.File is { } file)
            {
                context.Response.Headers.CacheControl = "no-store";
                return Results.File(file.Json, "application/json", file.FileName);
            }

            return Html.Page(context, "Your address is erased", $"<p>Request {Html.Encode(result.Value.Reference)}: the address and its subscription are "
                + "erased. We keep your consent decisions as proof, without the address.</p>");
        }).DisableAntiforgery().ExcludeFromDescription();
    }
}
