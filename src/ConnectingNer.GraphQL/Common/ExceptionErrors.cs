using ConnectingNer.Application.Common.Exceptions;
using ConnectingNer.GraphQL.Server.Errors;
using FluentValidation;
using GraphQL.Execution;

namespace ConnectingNer.GraphQL.Common;

/// <summary>Turns the application's expected exceptions into coded GraphQL errors; anything else stays internal.</summary>
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
    }
}
