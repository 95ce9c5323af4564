using GraphQL.Validation;
using GraphQLParser.AST;

namespace ConnectingNer.GraphQL.Server.Transport;

/// <summary>
/// The complexity limit for operations that read data; an introspection-only operation (its root fields are all
/// <c>__schema</c>, <c>__type</c> or <c>__typename</c>, at most <see cref="MaxIntrospectionRoots"/> of them) is held to
/// the depth limit alone, as other servers do, so an IDE can always load a growing schema while a deep self-nesting
/// introspection query, or the schema aliased forty times over, is still refused.
/// </summary>
public sealed class IntrospectionAwareLimitRule(IValidationRule complexity, IValidationRule depthOnly) : IValidationRule
{
    private IValidationRule For(ValidationContext context) => IsIntrospectionOnly(context.Operation) ? depthOnly : complexity;

    public ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => For(context).GetPreNodeVisitorAsync(context);

    public ValueTask<IVariableVisitor?> GetVariableVisitorAsync(ValidationContext context) => For(context).GetVariableVisitorAsync(context);

    public ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context) => For(context).GetPostNodeVisitorAsync(context);

    public const int MaxIntrospectionRoots = 3;

    public static bool IsIntrospectionOnly(GraphQLOperationDefinition? operation) =>
        operation is { Operation: OperationType.Query, SelectionSet.Selections.Count: > 0 and <= MaxIntrospectionRoots }
        && operation.SelectionSet.Selections.All(s => s is GraphQLField { Name.Value: var name } && name.Span.StartsWith("__"));
}
