using ConnectingNer.GraphQL.Server.Errors;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace ConnectingNer.GraphQL.Server.Limits;

/// <summary>
/// GraphQL Armor's document limits, checked on every operation and fragment of a document (so a cached document is
/// safe whichever operation runs): at most <see cref="GraphQLServerOptions.MaxAliases"/> aliases per operation
/// (fragments it spreads included), no response key selected more than <see cref="GraphQLServerOptions.MaxFieldRepeats"/>
/// times in one selection set, at most <see cref="GraphQLServerOptions.MaxDirectives"/> directives in the document,
/// and at most <see cref="GraphQLServerOptions.MaxFields"/> fields per operation once its fragments are spread out (a few
/// fragments that each spread the next twice would otherwise make the executor walk billions of fields). Each limit
/// reports once, with its own code.
/// </summary>
public sealed class DocumentLimitsRule(GraphQLServerOptions options) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var document = context.Document;
        var fragments = Walk.Fragments(document);

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

        var perFragment = new Dictionary<string, Selected>(StringComparer.Ordinal);
        foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            var (fields, aliases) = Count(operation.SelectionSet, fragments, perFragment, []);
            if (aliases > options.MaxAliases)
                context.ReportError(LimitError.Create(document.Source, ErrorCodes.TooManyAliases,
                    $"An operation may use at most {options.MaxAliases} aliases; this one uses {aliases}.", operation));
            if (fields > options.MaxFields)
                context.ReportError(LimitError.Create(document.Source, ErrorCodes.TooManyFields,
                    $"An operation may select at most {options.MaxFields} fields, counting each fragment wherever it is spread.", operation));
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

    /// <summary>Counting stops here: far past any limit, and safe from overflow however fragments multiply.</summary>
    private const long CountCap = 1_000_000_000;

    /// <summary>The fields and the aliases a selection executes.</summary>
    private readonly record struct Selected(long Fields, long Aliases)
    {
        public static Selected operator +(Selected a, Selected b) =>
            new(Math.Min(a.Fields + b.Fields, CountCap), Math.Min(a.Aliases + b.Aliases, CountCap));
    }

    /// <summary>
    /// What an operation executes: its own fields and aliases and those of every fragment it spreads, each fragment
    /// counted once per spread. Each fragment's own count is worked out once (<paramref name="perFragment"/>), so
    /// fragments that spread each other many times over cost time in proportion to the document, not to the paths
    /// through it.
    /// </summary>
    private static Selected Count(GraphQLSelectionSet? set, Dictionary<string, GraphQLFragmentDefinition> fragments,
        Dictionary<string, Selected> perFragment, HashSet<string> path)
    {
        var count = new Selected(0, 0);
        if (set is null) return count;
        foreach (var selection in set.Selections)
        {
            count += selection switch
            {
                GraphQLField field => new Selected(1, field.Alias is null ? 0 : 1) + Count(field.SelectionSet, fragments, perFragment, path),
                GraphQLInlineFragment inline => Count(inline.SelectionSet, fragments, perFragment, path),
                GraphQLFragmentSpread spread => CountFragment(spread.FragmentName.Name.Value.ToString(), fragments, perFragment, path),
                _ => default,
            };
        }

        return count;
    }

    private static Selected CountFragment(string name, Dictionary<string, GraphQLFragmentDefinition> fragments,
        Dictionary<string, Selected> perFragment, HashSet<string> path)
    {
        if (perFragment.TryGetValue(name, out var known)) return known;
        // An unknown fragment, or a cycle, is the spec rules' to report; here it counts nothing.
        if (!fragments.TryGetValue(name, out var fragment) || !path.Add(name)) return default;
        var count = Count(fragment.SelectionSet, fragments, perFragment, path);
        path.Remove(name);
        perFragment[name] = count;
        return count;
    }
}
