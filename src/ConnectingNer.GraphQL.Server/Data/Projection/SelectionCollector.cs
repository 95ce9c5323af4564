using GraphQLParser.AST;

namespace ConnectingNer.GraphQL.Server.Data.Projection;

/// <summary>The fields a selection set asks for, by field name, through fragments and inline fragments.</summary>
public static class SelectionCollector
{
    public static Dictionary<string, List<GraphQLField>> Collect(IEnumerable<GraphQLSelectionSet?> sets, GraphQLDocument document)
    {
        var fields = new Dictionary<string, List<GraphQLField>>(StringComparer.Ordinal);
        foreach (var set in sets) Collect(set, document, fields, 0);
        return fields;
    }

    private static void Collect(GraphQLSelectionSet? set, GraphQLDocument document, Dictionary<string, List<GraphQLField>> into, int depth)
    {
        if (set is null || depth > 32) return;
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    var name = field.Name.StringValue;
                    if (!into.TryGetValue(name, out var list)) into[name] = list = [];
                    list.Add(field);
                    break;
                case GraphQLInlineFragment inline:
                    Collect(inline.SelectionSet, document, into, depth + 1);
                    break;
                case GraphQLFragmentSpread spread:
                    var fragment = document.Definitions.OfType<GraphQLFragmentDefinition>()
                        .FirstOrDefault(f => f.FragmentName.Name == spread.FragmentName.Name);
                    Collect(fragment?.SelectionSet, document, into, depth + 1);
                    break;
            }
        }
    }

    /// <summary>The selection sets of the nodes of a connection: <c>nodes { … }</c> and <c>edges { node { … } }</c>.</summary>
    public static IEnumerable<GraphQLSelectionSet?> ConnectionNodes(GraphQLField connection, GraphQLDocument document)
    {
        var fields = Collect([connection.SelectionSet], document);
        foreach (var nodes in fields.GetValueOrDefault("nodes") ?? []) yield return nodes.SelectionSet;
        var edges = Collect((fields.GetValueOrDefault("edges") ?? []).Select(e => e.SelectionSet), document);
        foreach (var node in edges.GetValueOrDefault("node") ?? []) yield return node.SelectionSet;
    }
}
