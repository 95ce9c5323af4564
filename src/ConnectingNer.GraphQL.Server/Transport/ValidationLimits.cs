using ConnectingNer.GraphQL.Server.Limits;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;

namespace ConnectingNer.GraphQL.Server.Transport;

/// <summary>
/// The validation rules of every request. <see cref="Static"/>: the spec's rules, the document limits and the
/// introspection cycle limit (and no introspection when it is off), which check every operation of a document, so a
/// cached document has passed them whichever operation runs. <see cref="Complexity"/>: the complexity and depth limits,
/// which judge the operation being executed and read <c>first</c>/<c>last</c> from the variables, so they run again for
/// every operation of a cached document not yet checked and for every request with variables.
/// </summary>
public sealed class ValidationLimits(GraphQLServerOptions options)
{
    public IReadOnlyList<IValidationRule> Static { get; } =
    [
        new DocumentLimitsRule(options), IntrospectionDepthRule.Instance, .. DocumentValidator.CoreRules,
        .. options.EnableIntrospection ? Array.Empty<IValidationRule>() : [NoIntrospectionValidationRule.Instance],
    ];

    public IValidationRule Complexity { get; } = new IntrospectionAwareLimitRule(
        new ComplexityValidationRule(new ComplexityOptions { MaxDepth = options.MaxDepth, MaxComplexity = options.MaxComplexity }),
        new ComplexityValidationRule(new ComplexityOptions { MaxDepth = options.MaxDepth }));
}
