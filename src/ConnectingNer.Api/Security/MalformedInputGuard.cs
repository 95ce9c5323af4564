using System.Text.Json;
using ConnectingNer.GraphQL.Server;
using Microsoft.AspNetCore.Antiforgery;

namespace ConnectingNer.Api.Security;

/// <summary>
/// Answers 400 <c>invalid_request</c> to input no endpoint can use, before any endpoint sees it: a form that cannot be
/// read (bad percent-encoding, an unsupported charset such as UTF-7, a broken multipart body), and a NUL character in
/// the query string or a form value (PostgreSQL refuses it in text, and nothing legitimate carries one). The OAuth
/// endpoints and account pages then never fail on such input with a 500. GraphQL has its own transport and errors.
/// </summary>
public sealed class MalformedInputGuard(RequestDelegate next, GraphQLServerOptions options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments(options.Path))
        {
            await next(context);
            return;
        }

        if (request.Query.Any(p => HasNul(p.Key) || p.Value.Any(HasNul)))
        {
            await RefuseAsync(context, "The query string contains a NUL character.");
            return;
        }

        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(context.RequestAborted);
            }
            catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException or BadHttpRequestException
                                          or ArgumentException or InvalidOperationException or AntiforgeryValidationException)
            {
                await RefuseAsync(context, "The form cannot be read.");
                return;
            }

            if (form.Any(p => HasNul(p.Key) || p.Value.Any(HasNul)))
            {
                await RefuseAsync(context, "The form contains a NUL character.");
                return;
            }
        }

        await next(context);
    }

    private static bool HasNul(string? value) => value?.Contains('\0') == true;

    private static async Task RefuseAsync(HttpContext context, string description)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["error"] = "invalid_request", ["error_description"] = description,
        }), context.RequestAborted);
    }
}
