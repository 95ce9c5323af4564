using System.Linq.Expressions;
using System.Reflection;
using ConnectingNer.GraphQL.Server.Paging;
using ConnectingNer.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Api.Persistence;

/// <summary>Connects the domain-agnostic pager to EF Core's async operators.</summary>
public sealed class EfCoreQueryExecutor : IQueryExecutor
{
    public Task<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) =>
        query.Provider.CreateQuery<T>(PageSizes.Instance.Visit(query.Expression)).ToListAsync(cancellationToken);

    public Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) =>
        query.CountAsync(cancellationToken);

    /// <summary>Compiled once per key and shape of source (<see cref="QueryTemplates"/>), or counted as any query.</summary>
    public Task<int> CountAsync<T>(IQueryable<T> query, object key, CancellationToken cancellationToken) =>
        QueryTemplates.TryExecuteAsync<int>(query, key, source => Expression.Call(typeof(Queryable), nameof(Queryable.Count), [typeof(T)], source), cancellationToken)
        ?? query.CountAsync(cancellationToken);

    /// <summary>
    /// Compiled once per tail and shape of source (<see cref="QueryTemplates"/>), the limit a parameter named as
    /// <see cref="PageSizeLiterals"/> expects; a source that cannot be a template runs as any query.
    /// </summary>
    public Task<List<TResult>> ToListAsync<TSource, TResult>(
        IQueryable<TSource> source, QueryTail<TSource, TResult> tail, int limit, CancellationToken cancellationToken) =>
        QueryTemplates.TryToListAsync<TResult>(source, tail, tail.Apply, nameof(PageSize.PageSizeInSql), limit, cancellationToken)
        ?? source.Provider.CreateQuery<TResult>(tail.Apply(source.Expression, PageSize.Read(limit))).ToListAsync(cancellationToken);

    /// <summary>
    /// Names a page's size (<c>Take(11)</c>) so that <see cref="PageSizeLiterals"/> finds its parameter in the SQL: EF Core
    /// makes it a parameter named after the member it reads, here <see cref="PageSize.PageSizeInSql"/>. The pagers call
    /// <c>Take</c> on the chain of query operators and in the lambdas of correlated pages, never inside a projection or a
    /// predicate, so the walk skips those.
    /// </summary>
    private sealed class PageSizes : ExpressionVisitor
    {
        public static readonly PageSizes Instance = new();

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            var visited = (MethodCallExpression)base.VisitMethodCall(node);
            return visited.Method is { Name: nameof(Queryable.Take) } method && method.DeclaringType == typeof(Queryable)
                && visited.Arguments[1] is ConstantExpression { Value: int size }
                ? visited.Update(null, [visited.Arguments[0], PageSize.Read(size)])
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
        private static readonly FieldInfo Field = typeof(PageSize).GetField(nameof(PageSizeInSql))!;

#pragma warning disable SA1401, CA1051 // EF Core names the parameter after this field: it must stay a field of this name.
        public readonly int PageSizeInSql = size;
#pragma warning restore SA1401, CA1051

        /// <summary>The size read from a holder: EF Core makes it a parameter named after the field.</summary>
        public static Expression Read(int size) => Expression.Field(Expression.Constant(new PageSize(size)), Field);
    }
}
