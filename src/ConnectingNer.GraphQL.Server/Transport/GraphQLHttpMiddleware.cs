using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using ConnectingNer.GraphQL.Server.Errors;
using ConnectingNer.GraphQL.Server.Limits;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConnectingNer.GraphQL.Server.Transport;

/// <summary>
/// GraphQL over HTTP (the GraphQL-over-HTTP spec): POST with a JSON body, GET for queries, content negotiation
/// between <c>application/json</c> and <c>application/graphql-response+json</c> and the status codes that go with
/// each. No batching. Every transport error is itself a GraphQL response with an <c>extensions.code</c>.
/// </summary>
public sealed class GraphQLHttpMiddleware<TSchema>(RequestDelegate next, IOptions<GraphQLServerOptions> options)
    where TSchema : ISchema
{
    private readonly GraphQLServerOptions _options = options.Value;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.Equals(_options.Path, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var isGet = HttpMethods.IsGet(context.Request.Method);
        if (isGet && context.Request.Query.ContainsKey("sdl") && !context.Request.Query.ContainsKey("query"))
        {
            await WriteSdlAsync(context);
            return;
        }

        if (!isGet && !HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.Headers.Allow = "GET, POST";
            await WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, MediaTypes.Json,
                ErrorCodes.MethodNotAllowed, "Use GET or POST.");
            return;
        }

        var mediaType = MediaTypes.Negotiate(context.Request.Headers.Accept.ToString());
        if (mediaType is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status406NotAcceptable, MediaTypes.Json, ErrorCodes.NotAcceptable,
                $"Accept {MediaTypes.GraphQLResponseJson} or {MediaTypes.Json}.");
            return;
        }

        var (request, failure) = isGet ? ReadGet(context) : await ReadPostAsync(context);
        if (failure is not null)
        {
            await WriteErrorAsync(context, failure.Value.Status, mediaType, failure.Value.Code, failure.Value.Message);
            return;
        }

        ExecutionResult result;
        try
        {
            result = await ExecuteAsync(context, request!, isGet);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return; // the client went away: nothing to answer
        }
        catch (Exception e)
        {
            // A fault outside any resolver (schema, services): still a GraphQL response, without internals.
            context.RequestServices.GetRequiredService<ILogger<GraphQLHttpMiddleware<TSchema>>>()
                .LogError(e, "GraphQL request failed outside execution");
            await WriteErrorAsync(context, StatusCodes.Status500InternalServerError, mediaType, ErrorCodes.Internal,
                "Unexpected server error.");
            return;
        }

        var status = StatusFor(result, mediaType);
        if (status == StatusCodes.Status405MethodNotAllowed) context.Response.Headers.Allow = "POST";
        await WriteAsync(context, status, mediaType, result);
    }

    /// <summary><c>GET {path}?sdl</c>: the schema as SDL, as HotChocolate serves it (only while introspection is on).</summary>
    private async Task WriteSdlAsync(HttpContext context)
    {
        if (!_options.EnableIntrospection)
        {
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, MediaTypes.Json, ErrorCodes.IntrospectionDisabled,
                "The schema is not published on this server.");
            return;
        }

        var sdl = context.RequestServices.GetRequiredService<SchemaSdl<TSchema>>().Text;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(sdl, context.RequestAborted);
    }

    private async Task<ExecutionResult> ExecuteAsync(HttpContext context, GraphQLRequest request, bool isGet)
    {
        var services = context.RequestServices;
        var executer = services.GetRequiredService<IDocumentExecuter<TSchema>>();
        var limits = services.GetRequiredService<ValidationLimits>();
        var cache = services.GetRequiredService<DocumentCache>();
        var query = request.Query ?? "";
        var cached = cache.TryGet(query, out var entry);
        if (!cached && TokenLimit.Exceeds(query, _options.MaxTokens))
            return new ExecutionResult { Errors = [new CodedError(ErrorCodes.TooManyTokens, $"The document has more than {_options.MaxTokens} tokens.")] };

        var perRequest = new List<IValidationRule>(2);
        // Complexity and depth judge the operation executed: they run unless this very operation of the cached document
        // passed them already and no variable (first/last) can change its cost.
        var complexityChecked = cached && !entry!.HasVariables && entry.IsChecked(request.OperationName);
        if (!complexityChecked) perRequest.Add(limits.Complexity);
        if (isGet) perRequest.Add(GetOnlyQueriesRule.Instance);

        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = query,
            Document = entry?.Document,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = services,
            User = context.User,
            CancellationToken = context.RequestAborted,
            ValidationRules = cached ? perRequest : limits.Static.Concat(perRequest),
            CachedDocumentValidationRules = perRequest,
        });
        if (result.Executed && result.Document is not null)
        {
            entry ??= cache.Add(query, result.Document);
            if (!entry.HasVariables) entry.MarkChecked(request.OperationName);
        }

        if (!result.Executed && result.Errors is { Count: > 1 } errors) result.Errors = Distinct(errors);
        return result;
    }

    /// <summary>One error per message: an unknown directive used a hundred times is reported once, not a hundred times.</summary>
    private static ExecutionErrors Distinct(ExecutionErrors errors)
    {
        var distinct = new ExecutionErrors();
        var seen = new HashSet<(string?, string)>();
        foreach (var error in errors)
        {
            if (seen.Add((error.Code, error.Message))) distinct.Add(error);
        }

        return distinct;
    }

    private static int StatusFor(ExecutionResult result, string mediaType)
    {
        if (result.Executed) return StatusCodes.Status200OK;
        if (result.Errors?.Any(e => e.Code == GetOnlyQueriesRule.Code) == true) return StatusCodes.Status405MethodNotAllowed;
        // Under application/json a request error is still a 200 (the legacy contract); the new media type says 400.
        return mediaType == MediaTypes.Json ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
    }

    private readonly record struct Failure(int Status, string Code, string Message);

    private (GraphQLRequest?, Failure?) ReadGet(HttpContext context)
    {
        var query = context.Request.Query;
        if (!query.ContainsKey("query"))
            return (null, new Failure(StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, "The 'query' parameter is required."));

        var serializer = context.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        try
        {
            return (new GraphQLRequest
            {
                Query = query["query"].ToString(),
                OperationName = NullIfEmpty(query["operationName"].ToString()),
                Variables = ReadJsonParameter<Inputs>(serializer, query["variables"].ToString()),
                Extensions = ReadJsonParameter<Inputs>(serializer, query["extensions"].ToString()),
            }, null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return (null, new Failure(StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest,
                "'variables' and 'extensions' must be JSON objects."));
        }
    }

    private static T? ReadJsonParameter<T>(IGraphQLTextSerializer serializer, string value) where T : class
    {
        if (string.IsNullOrEmpty(value)) return null;
        using var document = JsonDocument.Parse(value);
        if (document.RootElement.ValueKind == JsonValueKind.Null) return null;
        if (document.RootElement.ValueKind != JsonValueKind.Object) throw new FormatException();
        return serializer.Deserialize<T>(value);
    }

    private async Task<(GraphQLRequest?, Failure?)> ReadPostAsync(HttpContext context)
    {
        if (!MediaTypes.IsJsonContent(context.Request.ContentType, out var charsetSupported) || !charsetSupported)
            return (null, new Failure(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType,
                $"Send the request as {MediaTypes.Json} (UTF-8)."));

        if (context.Request.ContentLength > _options.MaxRequestBodyBytes)
            return (null, TooLarge());
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false }) sizeFeature.MaxRequestBodySize = _options.MaxRequestBodyBytes;

        JsonDocument document;
        try
        {
            document = await ReadJsonAsync(context.Request.BodyReader, _options.MaxRequestBodyBytes, context.RequestAborted);
        }
        catch (JsonException)
        {
            return (null, new Failure(StatusCodes.Status400BadRequest, ErrorCodes.InvalidJson, "The request body is not valid JSON."));
        }
        catch (Exception e) when (e is BadHttpRequestException or RequestTooLargeException)
        {
            return (null, TooLarge());
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
                return (null, new Failure(StatusCodes.Status400BadRequest, ErrorCodes.BatchingNotSupported, "Batched requests are not supported."));
            if (root.ValueKind != JsonValueKind.Object)
                return (null, new Failure(StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, "The request body must be a JSON object."));

            var parameterError = CheckParameters(root);
            if (parameterError is not null)
                return (null, new Failure(StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, parameterError));

            var serializer = context.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
            return (new GraphQLRequest
            {
                Query = root.GetProperty("query").GetString(),
                OperationName = root.TryGetProperty("operationName", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null,
                Variables = ReadObject(serializer, root, "variables"),
                Extensions = ReadObject(serializer, root, "extensions"),
            }, null);
        }
    }

    private Failure TooLarge() => new(StatusCodes.Status413PayloadTooLarge, ErrorCodes.RequestTooLarge,
        $"The request body is larger than {_options.MaxRequestBodyBytes} bytes.");

    /// <summary>The spec's parameter types: query a string; operationName a string or null; variables and extensions maps or null.</summary>
    private static string? CheckParameters(JsonElement root)
    {
        if (!root.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
            return "'query' must be a string.";
        if (root.TryGetProperty("operationName", out var name) && name.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            return "'operationName' must be a string or null.";
        foreach (var map in new[] { "variables", "extensions" })
        {
            if (root.TryGetProperty(map, out var value) && value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
                return $"'{map}' must be an object or null.";
        }

        return null;
    }

    private static Inputs? ReadObject(IGraphQLTextSerializer serializer, JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? serializer.Deserialize<Inputs>(value.GetRawText())
            : null;

    /// <summary>
    /// The body as JSON, read from the request's pipe: the pipe holds the bytes until the body is complete (or passes
    /// the limit), then one array of the body's size is parsed. (A 16 KB copy buffer per request was most of what a
    /// small query allocated.)
    /// </summary>
    private static async Task<JsonDocument> ReadJsonAsync(PipeReader body, long limit, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await body.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            if (buffer.Length > limit)
            {
                body.AdvanceTo(buffer.End);
                throw new RequestTooLargeException();
            }

            if (read.IsCompleted)
            {
                // A document keeps the memory it was parsed from, and the pipe reuses its memory: parse a copy.
                var bytes = buffer.ToArray();
                body.AdvanceTo(buffer.End);
                return JsonDocument.Parse(bytes);
            }

            body.AdvanceTo(buffer.Start, buffer.End); // nothing consumed: wait for the rest
        }
    }

    private sealed class RequestTooLargeException : Exception;

    private static string? NullIfEmpty(string value) => string.IsNullOrEmpty(value) ? null : value;

    private static Task WriteErrorAsync(HttpContext context, int status, string mediaType, string code, string message) =>
        WriteAsync(context, status, mediaType, new ExecutionResult { Errors = [new CodedError(code, message)], Executed = false });

    private static async Task WriteAsync(HttpContext context, int status, string mediaType, ExecutionResult result)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = mediaType + "; charset=utf-8";
        var serializer = context.RequestServices.GetRequiredService<IGraphQLSerializer>();
        await serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }
}
