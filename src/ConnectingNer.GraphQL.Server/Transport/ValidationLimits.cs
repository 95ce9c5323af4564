using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;

namespace ConnectingNer.GraphQL.Server.Transport;

/// <summary>
/// The validation rules of every request: the spec's rules (and no introspection when it is off), which a cached
/// document has passed already, and the complexity and depth limits, which read <c>first</c>/<c>last</c> from the
/// variables and so run on every request.
/// </summary>
public sealed class ValidationLimits(GraphQLServerOptions options)
{
    public IReadOnlyList<IValidationRule> Static { get; } = options.EnableIntrospection
        ? [.. DocumentValidator.CoreRules]
        : [.. DocumentValidator.CoreRules, NoIntrospectionValidationRule.Instance];

    public IValidationRule Complexity { get; } = new IntrospectionAwareLimitRule(
        new ComplexityValidationRule(new ComplexityOptions { MaxDepth = options.MaxDepth, MaxComplexity = options.MaxComplexity }),
        new ComplexityValidationRule(new ComplexityOptions { MaxDepth = options.MaxDepth }));
}
