using GraphQLParser.AST;

namespace ConnectingNer.GraphQL.Server.Limits;

/// <summary>Every node of a parsed document, depth first, without recursion (a deep document cannot overflow the stack).</summary>
internal static class Walk
{
    /// <summary>
    /// The document's fragments by name. Two fragments of one name are the spec rules' to report: the first one is kept
    /// here, so the limits still judge the document instead of failing on it.
    /// </summary>
    public static Dictionary<string, GraphQLFragmentDefinition> Fragments(GraphQLDocument document)
    {
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
            fragments.TryAdd(fragment.FragmentName.Name.Value.ToString(), fragment);
        return fragments;
    }

    public static IEnumerable<ASTNode> All(ASTNode root)
    {
        var stack = new Stack<ASTNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            foreach (var child in Children(node)) stack.Push(child);
        }
    }

    private static IEnumerable<ASTNode> Children(ASTNode node)
    {
        switch (node)
        {
            case GraphQLDocument document:
                foreach (var definition in document.Definitions) yield return definition;
                break;
            case GraphQLOperationDefinition operation:
                if (operation.Directives is not null) yield return operation.Directives;
                if (operation.Variables is not null)
                {
                    foreach (var variable in operation.Variables)
                    {
                        if (variable.Directives is not null) yield return variable.Directives;
                    }
                }

                yield return operation.SelectionSet;
                break;
            case GraphQLFragmentDefinition fragment:
                if (fragment.Directives is not null) yield return fragment.Directives;
                yield return fragment.SelectionSet;
                break;
            case GraphQLSelectionSet set:
                foreach (var selection in set.Selections) yield return selection;
                break;
            case GraphQLField field:
                if (field.Directives is not null) yield return field.Directives;
                if (field.SelectionSet is not null) yield return field.SelectionSet;
                break;
            case GraphQLInlineFragment inline:
                if (inline.Directives is not null) yield return inline.Directives;
                yield return inline.SelectionSet;
                break;
            case GraphQLFragmentSpread spread:
                if (spread.Directives is not null) yield return spread.Directives;
                break;
        }
    }
}
