using ConnectingNer.GraphQL.Server.Errors;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace ConnectingNer.GraphQL.Server.Limits;

/// <summary>
/// GraphQL Armor's document limits, checked on every operation and fragment of a document (so a cached document is
/// safe whichever operation runs): at most <see cref="GraphQLServerOptions.MaxAliases"/> aliases per operation
/// (fragments it spreads included), no response key selected more than <see cref="GraphQLServerOptions.MaxFieldRepeats"/>
/// times in one selection set, at most <see cref="GraphQLServerOptions.MaxDirectives"/> directives in the document.
/// Each limit reports once, with its own code.
/// </summary>
public sealed class DocumentLimitsRule(GraphQLServerOptions options) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var document = context.Document;
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>().ToDictionary(f => f.FragmentName.Name.Value.ToString());

        var directives = 0;
        GraphQLDirective? overflow = null;
        foreach (var node in Walk.All(document))
        {
            if (node is GraphQLDirectives list)
            {
                directives += list.Count;
                if (directives > options.MaxDirectives && overflow is null) overflow = list[0];
            }
        }

        if (overflow is not null)
            context.ReportError(LimitError.Create(document.Source, ErrorCodes.TooManyDirectives,
                $"The document uses more than {options.MaxDirectives} directives.", overflow));

        foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            var aliases = CountAliases(operation.SelectionSet, fragments, []);
            if (aliases > options.MaxAliases)
                context.ReportError(LimitError.Create(document.Source, ErrorCodes.TooManyAliases,
                    $"An operation may use at most {options.MaxAliases} aliases; this one uses {aliases}.", operation));
        }

        foreach (var set in Walk.All(document).OfType<GraphQLSelectionSet>())
        {
            var repeated = set.Selections.OfType<GraphQLField>()
                .GroupBy(f => (f.Alias?.Name ?? f.Name).Value.ToString())
                .FirstOrDefault(g => g.Count() > options.MaxFieldRepeats);
            if (repeated is not null)
            {
                context.ReportError(LimitError.Create(document.Source, ErrorCodes.FieldRepeated,
                    $"'{repeated.Key}' is selected {repeated.Count()} times in one selection set; at most {options.MaxFieldRepeats} are allowed.",
                    repeated.First()));
                break;
            }
        }

        return default;
    }

    /// <summary>The aliases an operation executes: its own and those of every fragment it spreads, each fragment counted once per spread.</summary>
    private static int CountAliases(GraphQLSelectionSet? set, Dictionary<string, GraphQLFragmentDefinition> fragments, HashSet<string> path)
    {
        if (set is null) return 0;
        var count = 0;
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    if (field.Alias is not null) count++;
                    count += CountAliases(field.SelectionSet, fragments, path);
                    break;
                case GraphQLInlineFragment inline:
                    count += CountAliases(inline.SelectionSet, fragments, path);
                    break;
                case GraphQLFragmentSpread spread:
                    var name = spread.FragmentName.Name.Value.ToString();
                    // A fragment cycle is the spec rules' to report; here it just ends the walk.
                    if (fragments.TryGetValue(name, out var fragment) && path.Add(name))
                    {
                        count += CountAliases(fragment.SelectionSet, fragments, path);
                        path.Remove(name);
                    }

                    break;
            }

            if (count > 10_000) break; // far past any limit: stop counting
        }

        return count;
    }
}
