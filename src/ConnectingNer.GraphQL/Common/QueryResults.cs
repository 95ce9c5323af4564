using ConnectingNer.Domain.Common;
using ConnectingNer.GraphQL.Server.Errors;

namespace ConnectingNer.GraphQL.Common;

/// <summary>A query's expected failure as a GraphQL error: its first error's code and message (queries have no payload errors).</summary>
public static class QueryResults
{
    public static T ValueOrThrow<T>(this Result<T> result) =>
        result.IsSuccess ? result.Value : throw new CodedError(result.Errors[0].Code, result.Errors[0].Message);
}
