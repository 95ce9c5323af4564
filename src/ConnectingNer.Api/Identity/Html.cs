using System.Net;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;

namespace ConnectingNer.Api.Identity;

/// <summary>
/// The server-rendered account pages: plain HTML forms, every value encoded, an anti-forgery token in each form,
/// no scripts, and headers that keep them out of frames and caches.
/// </summary>
public static class Html
{
    public const string AntiforgeryField = "__af";

    public static string Encode(string? value) => WebUtility.HtmlEncode(value ?? "");

    /// <summary>A whole page with the given status.</summary>
    public static IResult Page(HttpContext context, string title, string body, int status = StatusCodes.Status200OK)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.XFrameOptions = "DENY";
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        var page = $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{Encode(title)}} · Connecting NER</title>
            <style>
              body{font-family:system-ui,sans-serif;max-width:26rem;margin:3rem auto;padding:0 1rem;color:#1d2b24}
              h1{font-size:1.4rem} label{display:block;margin:.8rem 0 .2rem} input{width:100%;padding:.5rem;box-sizing:border-box}
              button,.button{margin-top:1rem;padding:.55rem 1rem;display:inline-block} .error{color:#a4161a;background:#fde8e8;padding:.6rem}
              .note{color:#3d5a4c} nav a{margin-right:1rem}
            </style></head>
            <body><h1>{{Encode(title)}}</h1>
            {{body}}
            </body></html>
            """;
        return Results.Content(page, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>A form posting to <paramref name="action"/>, with the anti-forgery token and hidden fields.</summary>
    public static string Form(HttpContext context, string action, string fields, string submit, IEnumerable<KeyValuePair<string, string?>>? hidden = null)
    {
        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        var builder = new StringBuilder();
        builder.Append($"""<form method="post" action="{Encode(action)}">""");
        builder.Append($"""<input type="hidden" name="{AntiforgeryField}" value="{Encode(antiforgery.RequestToken)}">""");
        foreach (var (name, value) in hidden ?? []) builder.Append($"""<input type="hidden" name="{Encode(name)}" value="{Encode(value)}">""");
        builder.Append(fields);
        builder.Append($"""<button type="submit">{Encode(submit)}</button></form>""");
        return builder.ToString();
    }

    public static string Input(string label, string name, string type, string? value = null, string autocomplete = "off", bool required = true) =>
        $"""<label for="{name}">{Encode(label)}</label><input id="{name}" name="{name}" type="{type}" value="{Encode(value)}" autocomplete="{autocomplete}"{(required ? " required" : "")}>""";

    public static string Errors(IEnumerable<string> messages)
    {
        var list = messages.ToList();
        return list.Count == 0 ? "" : $"""<div class="error" role="alert">{string.Join("<br>", list.Select(Encode))}</div>""";
    }

    /// <summary>True for a path on this server (<c>/connect/authorize?…</c>), false for anything a browser could take elsewhere.</summary>
    public static bool IsLocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(c => char.IsControl(c) || c == '\\');

    /// <summary>Checks the form's anti-forgery token; false when it is missing or forged.</summary>
    public static async Task<bool> IsFormValidAsync(HttpContext context) =>
        context.Request.HasFormContentType
        && await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context);
}
