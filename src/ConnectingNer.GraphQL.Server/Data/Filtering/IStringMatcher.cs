using System.Linq.Expressions;

namespace ConnectingNer.GraphQL.Server.Data.Filtering;

/// <summary>
/// Builds the case-insensitive pattern matches of <c>contains/startsWith/endsWith</c>. The host supplies its
/// database's operator (PostgreSQL: ILIKE); the default evaluates LIKE in memory, for LINQ to Objects.
/// </summary>
public interface IStringMatcher
{
    /// <summary>A boolean expression: <paramref name="value"/> matches <paramref name="pattern"/> (a LIKE pattern, already escaped).</summary>
    Expression Like(Expression value, Expression pattern);
}

public sealed class LowerCaseStringMatcher : IStringMatcher
{
    private static readonly System.Reflection.MethodInfo ToLower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;
    private static readonly System.Reflection.MethodInfo Match = typeof(LowerCaseStringMatcher).GetMethod(nameof(IsLike))!;

    public Expression Like(Expression value, Expression pattern) =>
        Expression.Call(Match, Expression.Call(value, ToLower), Expression.Call(pattern, ToLower));

    /// <summary>LIKE semantics in memory (for LINQ to Objects): % is any run, _ one character, \ escapes.</summary>
    public static bool IsLike(string? value, string pattern)
    {
        if (value is null) return false;
        var regex = new System.Text.StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length) regex.Append(System.Text.RegularExpressions.Regex.Escape(pattern[++i].ToString()));
            else if (c == '%') regex.Append(".*");
            else if (c == '_') regex.Append('.');
            else regex.Append(System.Text.RegularExpressions.Regex.Escape(c.ToString()));
        }

        return System.Text.RegularExpressions.Regex.IsMatch(value, regex.Append('$').ToString(), System.Text.RegularExpressions.RegexOptions.Singleline);
    }
}
