using ConnectingNer.GraphQL.Server.Errors;
using ConnectingNer.GraphQL.Server.Relay;

namespace ConnectingNer.GraphQL.Common;

/// <summary>Global id helpers for query arguments: a malformed id is a coded request error.</summary>
public static class GlobalIds
{
    public static int Require(string? value, string typeName, string argument) =>
        GlobalId.TryDecodeInt(value, typeName, out var key)
            ? key
            : throw new CodedError(ErrorCodes.InvalidId, $"'{argument}' is not a valid {typeName} id.");
}
