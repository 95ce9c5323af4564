using ConnectingNer.Domain.Common;
using ConnectingNer.GraphQL.Server.Errors;
using ConnectingNer.GraphQL.Server.Relay;

namespace ConnectingNer.GraphQL.Common;

/// <summary>
/// Reading the global ids clients send: in a mutation's input a malformed id is a payload error
/// (<c>node.invalid_id</c>, with the input field), in a query's argument a coded request error (<c>NODE_INVALID_ID</c>).
/// </summary>
public static class GlobalIds
{
    /// <summary>The payload error code of an input id that is not an id of the expected type.</summary>
    public const string InvalidIdCode = "node.invalid_id";

    public static Error InvalidId(string field, string typeName) => new(InvalidIdCode, $"'{field}' is not a valid {typeName} id.", field);

    /// <summary>An input field's id with an integer key.</summary>
    public static Result<int> Int(string? value, string typeName, string field) =>
        GlobalId.TryDecodeInt(value, typeName, out var key) ? Result.Success(key) : InvalidId(field, typeName);

    /// <summary>An optional input field's id with an integer key: null stays null.</summary>
    public static Result<int?> OptionalInt(string? value, string typeName, string field) =>
        value is null ? Result.Success<int?>(null)
        : GlobalId.TryDecodeInt(value, typeName, out var key) ? Result.Success<int?>(key) : InvalidId(field, typeName);

    /// <summary>An input field's id with a GUID key.</summary>
    public static Result<Guid> Guid(string? value, string typeName, string field) =>
        GlobalId.TryDecodeGuid(value, typeName, out var key) ? Result.Success(key) : InvalidId(field, typeName);

    /// <summary>A query argument's id with an integer key; a malformed one fails the field.</summary>
    public static int RequireInt(string? value, string typeName, string argument) =>
        GlobalId.TryDecodeInt(value, typeName, out var key) ? key : throw InvalidArgument(argument, typeName);

    /// <summary>A query argument's id with a GUID key; a malformed one fails the field.</summary>
    public static Guid RequireGuid(string? value, string typeName, string argument) =>
        GlobalId.TryDecodeGuid(value, typeName, out var key) ? key : throw InvalidArgument(argument, typeName);

    private static CodedError InvalidArgument(string argument, string typeName) =>
        new(ErrorCodes.InvalidId, $"'{argument}' is not a valid {typeName} id.");
}
