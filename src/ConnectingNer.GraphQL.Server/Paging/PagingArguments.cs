using ConnectingNer.GraphQL.Server.Errors;
using GraphQL;

namespace ConnectingNer.GraphQL.Server.Paging;

/// <summary>The Relay paging arguments of one field, checked against the server's page limits.</summary>
public sealed record PagingArguments(int? First, string? After, int? Last, string? Before)
{
    public static PagingArguments From(IResolveFieldContext context) => new(
        context.GetArgument<int?>("first"), context.GetArgument<string?>("after"),
        context.GetArgument<int?>("last"), context.GetArgument<string?>("before"));

    /// <summary>Throws a coded error for a combination no page can answer.</summary>
    public void Validate(int maxPageSize)
    {
        if (First is not null && Last is not null)
            throw new CodedError(ErrorCodes.InvalidPagingArgument, "Pass either 'first' or 'last', not both.");
        if (First is < 0 || Last is < 0)
            throw new CodedError(ErrorCodes.InvalidPagingArgument, "'first' and 'last' cannot be negative.");
        if (First > maxPageSize || Last > maxPageSize)
            throw new CodedError(ErrorCodes.InvalidPagingArgument, $"'first' and 'last' are at most {maxPageSize}.");
        if (Last is not null && After is not null)
            throw new CodedError(ErrorCodes.InvalidPagingArgument, "'last' pages backwards: use it with 'before', not 'after'.");
        if (First is not null && Before is not null)
            throw new CodedError(ErrorCodes.InvalidPagingArgument, "'first' pages forwards: use it with 'after', not 'before'.");
    }
}
