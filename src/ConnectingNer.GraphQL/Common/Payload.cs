using ConnectingNer.Domain.Common;

namespace ConnectingNer.GraphQL.Common;

/// <summary>What a mutation answers: the changed object on success, or the errors and no object.</summary>
public sealed record Payload<T>(T? Value, IReadOnlyList<Error> Errors) where T : class
{
    public static Payload<T> From(Result<T> result) =>
        result.IsSuccess ? new Payload<T>(result.Value, []) : Failure(result.Errors);

    public static Payload<T> Failure(IReadOnlyList<Error> errors) => new(null, errors);
}
