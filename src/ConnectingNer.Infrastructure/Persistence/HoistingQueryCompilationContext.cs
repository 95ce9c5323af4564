using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Query;
using Npgsql.EntityFrameworkCore.PostgreSQL.Query.Internal;

namespace ConnectingNer.Infrastructure.Persistence;

/// <summary>
/// EF Core's query compilation with one change: the functions nested in a query's executor (the shaper of each row,
/// and for a list read with its parent, the functions that tell parent, child and element apart and build each element)
/// are compiled once with the query instead of on every use. Compiled as part of the whole executor, each of them
/// became a new delegate every time the code around it ran (<c>DynamicMethod.CreateDelegate</c>, with the runtime's
/// locks): several per row of every list read with its parent, about 5 % of a page of orders with their lines. Only
/// functions that use nothing of the code around them are compiled apart, so what they compute is unchanged.
/// </summary>
#pragma warning disable EF1001 // Npgsql's compilation context is marked internal to the provider; it is the one this provider builds.
#pragma warning disable EF9100 // CreateQueryExecutorExpression and SupportsPrecompiledQuery are marked experimental (precompiled queries).
public sealed class HoistingQueryCompilationContext(
    QueryCompilationContextDependencies dependencies, RelationalQueryCompilationContextDependencies relationalDependencies, bool async)
    : NpgsqlQueryCompilationContext(dependencies, relationalDependencies, async)
{
    public override Func<QueryContext, TResult> CreateQueryExecutor<TResult>(Expression query)
    {
        var executor = CreateQueryExecutorExpression<TResult>(query);
        var inlined = (Expression<Func<QueryContext, TResult>>)Dependencies.LiftableConstantProcessor.InlineConstants(executor, SupportsPrecompiledQuery);
        try
        {
            return ((Expression<Func<QueryContext, TResult>>)new ClosedLambdaHoister(inlined).Visit(inlined)).Compile();
        }
        finally
        {
            // As EF Core's own: the planned executor is logged at debug level (event QueryExecutionPlanned).
            Logger.QueryExecutionPlanned(Dependencies.Context, new ExpressionPrinter(), executor);
        }
    }
}

public sealed class HoistingQueryCompilationContextFactory(
    QueryCompilationContextDependencies dependencies, RelationalQueryCompilationContextDependencies relationalDependencies)
    : IQueryCompilationContextFactory
{
    public QueryCompilationContext Create(bool async) => new HoistingQueryCompilationContext(dependencies, relationalDependencies, async);
}
#pragma warning restore EF9100
#pragma warning restore EF1001

/// <summary>
/// Replaces each lambda nested in <c>root</c> that refers to no variable declared outside it with a constant of its
/// compiled delegate, innermost first. Quoted lambdas are expression trees given to a method as data and stay as they are.
/// </summary>
public sealed class ClosedLambdaHoister(LambdaExpression root) : ExpressionVisitor
{
    protected override Expression VisitLambda<T>(Expression<T> node)
    {
        var visited = (Expression<T>)base.VisitLambda(node);
        return ReferenceEquals(node, root) || !IsClosed(visited) ? visited : Expression.Constant(visited.Compile(), visited.Type);
    }

    protected override Expression VisitUnary(UnaryExpression node) =>
        node.NodeType == ExpressionType.Quote ? node : base.VisitUnary(node);

    public static bool IsClosed(LambdaExpression lambda)
    {
        var scan = new VariableScan();
        scan.Visit(lambda);
        return scan.Used.IsSubsetOf(scan.Declared);
    }

    private sealed class VariableScan : ExpressionVisitor
    {
        public HashSet<ParameterExpression> Declared { get; } = [];

        public HashSet<ParameterExpression> Used { get; } = [];

        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            Declared.UnionWith(node.Parameters);
            return base.VisitLambda(node);
        }

        protected override Expression VisitBlock(BlockExpression node)
        {
            Declared.UnionWith(node.Variables);
            return base.VisitBlock(node);
        }

        protected override CatchBlock VisitCatchBlock(CatchBlock node)
        {
            if (node.Variable is not null) Declared.Add(node.Variable);
            return base.VisitCatchBlock(node);
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            Used.Add(node);
            return node;
        }
    }
}
