using GraphQL;

namespace ConnectingNer.GraphQL.Server.Errors;

/// <summary>An error meant for the client: its message is safe to show and its code is stable.</summary>
public sealed class CodedError : ExecutionError
{
    public CodedError(string code, string message) : base(message) => Code = code;
}
