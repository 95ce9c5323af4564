using ConnectingNer.GraphQL.Server.Errors;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace ConnectingNer.GraphQL.Server.Limits;

/// <summary>
/// Introspection cycles, refused as HotChocolate refuses them by default: below <c>__schema</c> or <c>__type</c>, the
/// list fields that lead back to types (<c>fields</c>, <c>inputFields</c>, <c>interfaces</c>, <c>possibleTypes</c>)
/// may nest at most <see cref="MaxListDepth"/> deep and <c>ofType</c> at most <see cref="MaxOfTypeDepth"/> deep. The
/// introspection query of every IDE and code generator stays within both; <c>types { fields { type { fields …</c> does not.
/// </summary>
public sealed class IntrospectionDepthRule : ValidationRuleBase
{
    public static readonly IntrospectionDepthRule Instance = new();

    public const int MaxListDepth = 1;
    public const int MaxOfTypeDepth = 16;

    private static readonly HashSet<string> CycleFields = ["fields", "inputFields", "interfaces", "possibleTypes"];

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var document = context.Document;
        var fragments = Walk.Fragments(document);
        var judged = new HashSet<(string, int, int)>();
        foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            foreach (var root in Roots(operation.SelectionSet, fragments, []))
            {
                if (TooDeep(root.SelectionSet, fragments, 0, 0, [], judged) is { } field)
                {
                    context.ReportError(LimitError.Create(document.Source, ErrorCodes.IntrospectionTooDeep,
                        $"Introspection nests '{field.Name.Value}' too deeply (at most {MaxListDepth} of fields/inputFields/interfaces/possibleTypes "
                        + $"and {MaxOfTypeDepth} of ofType).", field));
                    return default;
                }
            }
        }

        return default;
    }

    /// <summary>The <c>__schema</c> and <c>__type</c> fields at the root of an operation (through fragments too).</summary>
    private static IEnumerable<GraphQLField> Roots(GraphQLSelectionSet set, Dictionary<string, GraphQLFragmentDefinition> fragments, HashSet<string> seen)
    {
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField { Name.Value: var name } field when (name == "__schema" || name == "__type") && field.SelectionSet is not null:
                    yield return field;
                    break;
                case GraphQLInlineFragment inline:
                    foreach (var f in Roots(inline.SelectionSet, fragments, seen)) yield return f;
                    break;
                case GraphQLFragmentSpread spread when fragments.TryGetValue(spread.FragmentName.Name.Value.ToString(), out var fragment)
                    && seen.Add(fragment.FragmentName.Name.Value.ToString()):
                    foreach (var f in Roots(fragment.SelectionSet, fragments, seen)) yield return f;
                    break;
            }
        }
    }

    /// <summary>
    /// The first field nested too deeply. A fragment already judged at the same depths (<paramref name="judged"/>) is not
    /// walked again, so fragments that spread each other many times over cost time in proportion to the document.
    /// </summary>
    private static GraphQLField? TooDeep(GraphQLSelectionSet? set, Dictionary<string, GraphQLFragmentDefinition> fragments,
        int lists, int ofTypes, HashSet<string> path, HashSet<(string, int, int)> judged)
    {
        if (set is null) return null;
        foreach (var selection in set.Selections)
        {
            GraphQLField? found = null;
            switch (selection)
            {
                case GraphQLField field:
                    var name = field.Name.Value.ToString();
                    var l = lists + (CycleFields.Contains(name) ? 1 : 0);
                    var o = ofTypes + (name == "ofType" ? 1 : 0);
                    if (l > MaxListDepth || o > MaxOfTypeDepth) return field;
                    found = TooDeep(field.SelectionSet, fragments, l, o, path, judged);
                    break;
                case GraphQLInlineFragment inline:
                    found = TooDeep(inline.SelectionSet, fragments, lists, ofTypes, path, judged);
                    break;
                case GraphQLFragmentSpread spread:
                    var fragmentName = spread.FragmentName.Name.Value.ToString();
                    if (!judged.Contains((fragmentName, lists, ofTypes)) && fragments.TryGetValue(fragmentName, out var fragment) && path.Add(fragmentName))
                    {
                        found = TooDeep(fragment.SelectionSet, fragments, lists, ofTypes, path, judged);
                        path.Remove(fragmentName);
                        judged.Add((fragmentName, lists, ofTypes));
                    }

                    break;
            }

            if (found is not null) return found;
        }

        return null;
    }
}
