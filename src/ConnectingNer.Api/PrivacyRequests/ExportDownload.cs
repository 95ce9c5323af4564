using ConnectingNer.Application.PrivacyRequests;

namespace ConnectingNer.Api.PrivacyRequests;

/// <summary>
/// <c>GET /privacy/exports/download?token=…</c>: the signed link emailed when an export is ready. Downloading changes
/// nothing, so a mail scanner that fetches the link does no harm; the file is never cached. A forged or altered link
/// answers 400 (<c>export.link_invalid</c>), an expired one (or a deleted file) 410 (<c>export.link_expired</c>).
/// </summary>
public static class ExportDownload
{
    public static void Map(WebApplication app) =>
        app.MapGet("/privacy/exports/download", async (HttpContext context, IDataExports exports, string? token) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            var result = await exports.DownloadAsync(token, context.RequestAborted);
            if (result.IsSuccess) return Results.File(result.Value.Json, "application/json", result.Value.FileName);
            var error = result.Errors[0];
            return Results.Json(new { code = error.Code, message = error.Message },
                statusCode: error.Code == DataExportErrors.LinkExpired().Code ? StatusCodes.Status410Gone : StatusCodes.Status400BadRequest);
        }).ExcludeFromDescription();
}
