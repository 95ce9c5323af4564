using System.Text;
using GraphQL.Types;
using GraphQLParser.AST;

namespace ConnectingNer.GraphQL.Server.Scalars;

/// <summary>
/// The built-in <c>String</c>, except that an input string must be text a database can store: no NUL character
/// (U+0000, which PostgreSQL refuses in text) and no unpaired surrogate (<c>"\uD83D"</c> alone is no character and has
/// no UTF-8 form). No legitimate client sends either; the client gets a clear validation error for that argument or
/// variable instead of an internal error when the value reaches the database.
/// </summary>
public sealed class NulFreeStringGraphType : StringGraphType
{
    // The built-in's name (a subclass would otherwise be named after itself): clients see the one String they know.
    public NulFreeStringGraphType() => Name = "String";

    public override object? ParseLiteral(GraphQLValue value) =>
        value is GraphQLStringValue s && !IsStorable(s.Value.Span) ? ThrowLiteralConversionError(value, Reason) : base.ParseLiteral(value);

    public override object? ParseValue(object? value) =>
        value is string s && !IsStorable(s) ? ThrowValueConversionError(value) : base.ParseValue(value);

    public override bool CanParseLiteral(GraphQLValue value) =>
        (value is not GraphQLStringValue s || IsStorable(s.Value.Span)) && base.CanParseLiteral(value);

    public override bool CanParseValue(object? value) => (value is not string s || IsStorable(s)) && base.CanParseValue(value);

    private const string Reason = "Strings may not contain the NUL character (U+0000) or an unpaired surrogate.";

    /// <summary>True for well-formed text without NUL.</summary>
    public static bool IsStorable(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') return false;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c)) return false;
        }

        return true;
    }
}
