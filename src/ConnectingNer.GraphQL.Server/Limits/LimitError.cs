using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace ConnectingNer.GraphQL.Server.Limits;

internal static class LimitError
{
    /// <summary>A validation error whose <c>extensions.code</c> is the limit's own code.</summary>
    public static ValidationError Create(ROM source, string code, string message, ASTNode node) =>
        new(source, code, message, node) { Code = code };
}
