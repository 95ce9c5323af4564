using GraphQLParser;
using GraphQLParser.Exceptions;

namespace ConnectingNer.GraphQL.Server.Limits;

/// <summary>
/// Counts a document's tokens before it is parsed (as GraphQL Armor's token limit does): a document of more than
/// <see cref="GraphQLServerOptions.MaxTokens"/> tokens is refused before any tree is built for it.
/// </summary>
public static class TokenLimit
{
    /// <summary>True when <paramref name="query"/> has more than <paramref name="max"/> tokens (a syntax error ends the count: the parser reports it).</summary>
    public static bool Exceeds(string query, int max)
    {
        var source = query.AsMemory();
        var position = 0;
        var count = 0;
        try
        {
            while (true)
            {
                var token = Lexer.Lex(source, position);
                if (token.Kind == TokenKind.EOF) return false;
                if (++count > max) return true;
                position = token.End;
            }
        }
        catch (GraphQLSyntaxErrorException)
        {
            return false;
        }
    }
}
