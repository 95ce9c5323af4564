using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;

namespace ConnectingNer.GraphQL.Server.Errors;

/// <summary>
/// Shapes every error for clients: each carries one stable <c>extensions.code</c>; unexpected exceptions are
/// reduced to <see cref="ErrorCodes.Internal"/> without internals (unless details are exposed in Development);
/// "Did you mean …?" suggestions are dropped when introspection is off, so they cannot leak the schema.
/// </summary>
public sealed class ServerErrorInfoProvider(GraphQLServerOptions options) : IErrorInfoProvider
{
    private readonly ErrorInfoProvider _inner = new(o =>
    {
        o.ExposeCode = true;
        o.ExposeCodes = false;
        o.ExposeData = false;
        o.ExposeExceptionDetails = options.ExposeExceptionDetails;
    });

    public ErrorInfo GetInfo(ExecutionError executionError)
    {
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
            if (!options.ExposeExceptionDetails) message = "Unexpected execution error.";
        }
        else if (executionError.Code is null || !extensions.ContainsKey("code"))
        {
            extensions["code"] = executionError is DocumentError ? "SYNTAX_ERROR" : ErrorCodes.InvalidRequest;
        }

        if (!options.EnableIntrospection)
        {
            var suggestion = message.IndexOf(" Did you mean", StringComparison.Ordinal);
            if (suggestion > 0) message = message[..suggestion];
        }

        return new ErrorInfo { Message = message, Extensions = extensions };
    }
}
