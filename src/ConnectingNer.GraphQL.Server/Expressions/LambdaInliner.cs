using System.Linq.Expressions;

namespace ConnectingNer.GraphQL.Server.Expressions;

/// <summary>
/// Puts a lambda's body in place of a call to it: <c>x => x.Name</c> applied to <c>p.Category</c> is <c>p.Category.Name</c>.
/// Filtering, sorting and paging build their expressions this way, so the query provider sees plain member access.
/// </summary>
public static class LambdaInliner
{
    /// <summary>The body of <paramref name="lambda"/> with its (single) parameter replaced by <paramref name="argument"/>.</summary>
    public static Expression Inline(LambdaExpression lambda, Expression argument) =>
        new ReplaceParameter(lambda.Parameters[0], argument).Visit(lambda.Body);

    private sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
