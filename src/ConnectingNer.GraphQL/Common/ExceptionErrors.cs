using ConnectingNer.Application.Common.Exceptions;
using ConnectingNer.GraphQL.Server.Errors;
using FluentValidation;
using GraphQL;
using GraphQL.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConnectingNer.GraphQL.Common;

/// <summary>
/// Turns the application's expected exceptions into coded GraphQL errors; anything else stays internal for the client
/// (<c>INTERNAL_SERVER_ERROR</c>, no details) and is logged as an error with its exception for the operators.
/// </summary>
public static class ExceptionErrors
{
    public static void Map(UnhandledExceptionContext context)
    {
        context.Exception = context.OriginalException switch
        {
            AccessDeniedException { IsAuthenticated: false } e => new CodedError(ErrorCodes.NotAuthenticated, e.Message),
            AccessDeniedException e => new CodedError(ErrorCodes.NotAuthorized, e.Message),
            ValidationException e => new CodedError(ErrorCodes.ValidationFailed,
                string.Join(" ", e.Errors.Select(f => f.ErrorMessage))),
            _ => context.Exception,
        };
        if (ReferenceEquals(context.Exception, context.OriginalException) && context.OriginalException is not ExecutionError)
            context.Context?.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger(typeof(ExceptionErrors).FullName!)
                .LogError(context.OriginalException, "Unexpected error in the GraphQL field {Field} of {Operation}",
                    context.FieldContext?.Path is { } path ? string.Join('.', path) : "(none)", context.Context?.Operation.Name?.StringValue ?? "(anonymous)");
    }
}
