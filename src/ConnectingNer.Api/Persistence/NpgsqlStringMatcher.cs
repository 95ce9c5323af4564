using System.Linq.Expressions;
using ConnectingNer.GraphQL.Server.Data.Filtering;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Api.Persistence;

/// <summary>Case-insensitive <c>contains/startsWith/endsWith</c> as PostgreSQL ILIKE (index-friendly with pg_trgm).</summary>
public sealed class NpgsqlStringMatcher : IStringMatcher
{
    private static readonly System.Reflection.MethodInfo ILike = typeof(NpgsqlDbFunctionsExtensions)
        .GetMethod(nameof(NpgsqlDbFunctionsExtensions.ILike), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    public Expression Like(Expression value, Expression pattern) =>
        Expression.Call(ILike, Expression.Constant(EF.Functions), value, pattern, Expression.Constant("\\"));
}
