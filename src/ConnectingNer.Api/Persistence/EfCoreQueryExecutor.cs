using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.RegularExpressions;
using ConnectingNer.GraphQL.Server.Paging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ConnectingNer.Api.Persistence;

/// <summary>Connects the domain-agnostic pager to EF Core's async operators.</summary>
public sealed class EfCoreQueryExecutor : IQueryExecutor
{
    public Task<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) =>
        query.Provider.CreateQuery<T>(PageSizes.Instance.Visit(query.Expression)).ToListAsync(cancellationToken);

    public Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) =>
        query.CountAsync(cancellationToken);

    /// <summary>
    /// Names a page's size (<c>Take(11)</c>) so that <see cref="PageSizeLiterals"/> finds its parameter in the SQL: EF Core
    /// makes it a parameter named after the member it reads, here <see cref="PageSize.PageSizeInSql"/>. The pagers call
    /// <c>Take</c> on the chain of query operators and in the lambdas of correlated pages, never inside a projection or a
    /// predicate, so the walk skips those.
    /// </summary>
    private sealed class PageSizes : ExpressionVisitor
    {
        public static readonly PageSizes Instance = new();

        private static readonly FieldInfo Field = typeof(PageSize).GetField(nameof(PageSize.PageSizeInSql))!;

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            var visited = (MethodCallExpression)base.VisitMethodCall(node);
            return visited.Method is { Name: nameof(Queryable.Take) } method && method.DeclaringType == typeof(Queryable)
                && visited.Arguments[1] is ConstantExpression { Value: int size }
                ? visited.Update(null, [visited.Arguments[0], Expression.Field(Expression.Constant(new PageSize(size)), Field)])
                : visited;
        }

        protected override Expression VisitMemberInit(MemberInitExpression node) => node;

        protected override Expression VisitNew(NewExpression node) => node;

        protected override Expression VisitNewArray(NewArrayExpression node) => node;

        protected override Expression VisitConditional(ConditionalExpression node) => node;

        protected override Expression VisitBinary(BinaryExpression node) => node;

        protected override Expression VisitMember(MemberExpression node) => node;

        protected override Expression VisitUnary(UnaryExpression node) => node.NodeType == ExpressionType.Quote ? base.VisitUnary(node) : node;
    }

    /// <summary>The holder whose field EF Core names the size's parameter after (<see cref="PageSizeLiterals"/> looks for it).</summary>
    internal sealed class PageSize(int size)
    {
#pragma warning disable SA1401, CA1051 // EF Core names the parameter after this field: it must stay a field of this name.
        public readonly int PageSizeInSql = size;
#pragma warning restore SA1401, CA1051
    }
}

/// <summary>
/// Writes a page's size into the SQL text (<c>LIMIT 11</c>) where EF Core sends it as a parameter (<c>LIMIT $2</c>).
/// PostgreSQL cannot know a parameter's LIMIT when it makes a generic plan, so it planned page queries afresh on every
/// execution (~0.3 ms of its CPU for my orders with their lines); with the size in the text it reuses one plan per size
/// (a few: clients page with a fixed size, and sizes are capped). The size stays a parameter for EF Core, so EF Core
/// generates a statement's SQL once and caches it (<c>EF.Constant</c>, used before, made it generate the SQL on every
/// execution); only the parameters <see cref="EfCoreQueryExecutor"/> names are written in, and only integers.
/// </summary>
public sealed partial class PageSizeLiterals : DbCommandInterceptor
{
    private const string Name = nameof(EfCoreQueryExecutor.PageSize.PageSizeInSql);
    private const string Marker = "@" + Name;

    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Inline(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Inline(command);
        return ValueTask.FromResult(result);
    }

    private static void Inline(DbCommand command)
    {
        var text = command.CommandText;
        if (!text.Contains(Marker, StringComparison.Ordinal)) return;
        var parameters = command.Parameters;
        command.CommandText = SizeParameter().Replace(text, match =>
        {
            var index = parameters.IndexOf(match.Value);
            if (index < 0) index = parameters.IndexOf(match.Value[1..]);
            return index >= 0 && parameters[index].Value is int size ? size.ToString(System.Globalization.CultureInfo.InvariantCulture) : match.Value;
        });
        for (var i = parameters.Count - 1; i >= 0; i--)
        {
            var name = parameters[i].ParameterName.TrimStart('@');
            if (name.StartsWith(Name, StringComparison.Ordinal) && parameters[i].Value is int
                && !command.CommandText.Contains("@" + name, StringComparison.Ordinal))
                parameters.RemoveAt(i);
        }
    }

    [GeneratedRegex(Marker + @"\d*(?![\w])", RegexOptions.CultureInvariant)]
    private static partial Regex SizeParameter();
}
