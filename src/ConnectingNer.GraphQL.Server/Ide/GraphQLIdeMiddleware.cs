using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace ConnectingNer.GraphQL.Server.Ide;

/// <summary>
/// Serves the unmodified Banana Cake Pop build at <c>{path}/</c>: a browser's <c>GET {path}</c> is redirected there
/// (its assets are relative), <c>{path}/bcp-config.json</c> points the IDE at the endpoint, and every request that
/// carries GraphQL parameters, or is not a GET/HEAD, passes through to the transport.
/// </summary>
public sealed class GraphQLIdeMiddleware
{
    private static readonly string[] GraphQLParameters = ["query", "id", "documentId", "extensions", "operationName", "variables", "sdl"];
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>What the unmodified bundle needs (inline styles, eval in its editor's workers), and nothing from elsewhere.</summary>
    public const string ContentSecurityPolicy = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
        + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
        + "worker-src 'self' blob:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    private readonly RequestDelegate _next;
    private readonly string _path;
    private readonly IFileProvider? _files;
    private readonly byte[] _config;

    public GraphQLIdeMiddleware(
        RequestDelegate next, IOptions<GraphQLServerOptions> server, IOptions<GraphQLIdeOptions> ide, IWebHostEnvironment environment)
    {
        _next = next;
        _path = server.Value.Path.TrimEnd('/');
        var root = Path.GetFullPath(Path.Combine(environment.ContentRootPath, ide.Value.FilesPath));
        _files = ide.Value.Enabled && server.Value.EnableIntrospection && File.Exists(Path.Combine(root, "index.html"))
            ? new PhysicalFileProvider(root)
            : null;
        _config = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["title"] = ide.Value.Title,
            ["useBrowserUrlAsEndpoint"] = true,
            ["disableTelemetry"] = true,
        });
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (_files is null || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || !request.Path.StartsWithSegments(_path, StringComparison.OrdinalIgnoreCase, out var rest))
        {
            await _next(context);
            return;
        }

        if (!rest.HasValue || rest.Value == "")
        {
            var wantsHtml = request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
            if (wantsHtml && !GraphQLParameters.Any(request.Query.ContainsKey))
            {
                context.Response.Redirect(_path + "/" + request.QueryString);
                return;
            }

            await _next(context);
            return;
        }

        // The IDE runs only as its own top-level page: never in someone else's frame, scripts and data from this origin.
        context.Response.Headers.XFrameOptions = "DENY";
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        var file = rest.Value!.TrimStart('/');
        if (file == "bcp-config.json")
        {
            context.Response.ContentType = "application/json";
            context.Response.Headers.CacheControl = "no-cache";
            await context.Response.Body.WriteAsync(_config, context.RequestAborted);
            return;
        }

        if (file == "") file = "index.html";
        var info = _files.GetFileInfo(file);
        if (!info.Exists || info.IsDirectory || file.Contains("..", StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = ContentTypes.TryGetContentType(file, out var type) ? type : "application/octet-stream";
        context.Response.Headers.CacheControl = file is "index.html" or "service-worker.js"
            ? "no-cache"
            : file.StartsWith("static/", StringComparison.Ordinal) ? "public, max-age=31536000, immutable" : "public, max-age=3600";
        context.Response.ContentLength = info.Length;
        if (HttpMethods.IsHead(request.Method)) return;
        await context.Response.SendFileAsync(info, context.RequestAborted);
    }
}
