using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using Microsoft.Extensions.Hosting;

namespace ConnectingNer.GraphQL.Server.Errors;

/// <summary>
/// Shapes every error for clients: each carries one stable <c>extensions.code</c>; unexpected exceptions are
/// reduced to <see cref="ErrorCodes.Internal"/> without internals (details only when the setting asks for them and
/// the host runs in Development: the setting is ignored everywhere else); "Did you mean …?" suggestions are dropped
/// unless <see cref="GraphQLServerOptions.EnableSuggestions"/> is on, so they cannot leak the schema's names.
/// </summary>
public sealed class ServerErrorInfoProvider : IErrorInfoProvider
{
    private readonly GraphQLServerOptions _options;
    private readonly bool _details;
    private readonly ErrorInfoProvider _inner;

    public ServerErrorInfoProvider(GraphQLServerOptions options, IHostEnvironment? environment = null)
    {
        _options = options;
        _details = options.ExposeExceptionDetails && environment?.IsDevelopment() == true;
        _inner = new ErrorInfoProvider(o =>
        {
            o.ExposeCode = true;
            o.ExposeCodes = false;
            o.ExposeData = false;
            o.ExposeExceptionDetails = _details;
            o.ExposeExceptionDetailsMode = ExposeExceptionDetailsMode.Extensions;
        });
    }

    public ErrorInfo GetInfo(ExecutionError executionError)
    {
        // The parser's own depth guard (far deeper than any limit of ours): a request error like any other limit.
        if (executionError is UnhandledError { InnerException: GraphQLParser.Exceptions.GraphQLMaxDepthExceededException })
            return new ErrorInfo { Message = "The document is nested too deeply.", Extensions = new Dictionary<string, object?> { ["code"] = ErrorCodes.TooDeep } };

        // An exception handler may have turned a resolver's exception into a coded error: report that one.
        if (executionError is UnhandledError { InnerException: ExecutionError handled } && handled is not UnhandledError)
            executionError = handled;
        var info = _inner.GetInfo(executionError);
        var extensions = info.Extensions ?? new Dictionary<string, object?>();
        var message = info.Message;

        // Everything GraphQL.NET reports about the request itself is safe to show; a wrapped exception is not.
        if (executionError is TimeoutError)
        {
            extensions["code"] = ErrorCodes.Timeout;
        }
        else if (executionError is UnhandledError)
        {
            extensions["code"] = ErrorCodes.Internal;
            if (!_details) message = "Unexpected execution error.";
        }
        else if (executionError.Code is null || !extensions.ContainsKey("code"))
        {
            extensions["code"] = executionError is DocumentError ? ErrorCodes.SyntaxError : ErrorCodes.InvalidRequest;
        }

        if (!_options.EnableSuggestions)
        {
            var suggestion = message.IndexOf(" Did you mean", StringComparison.Ordinal);
            if (suggestion > 0) message = message[..suggestion];
        }

        return new ErrorInfo { Message = message, Extensions = extensions };
    }
}
