using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using GraphQL;
using GraphQLParser.AST;

namespace ConnectingNer.GraphQL.Server.Data;

/// <summary>
/// What a field of a repeated operation needs that depends only on the document, the schema and a few argument values:
/// kept with the field's node of the parsed document. The transport keeps parsed documents by query text, so the next
/// request of the same operation finds the plan on the same node and builds no projection, sort keys or row selector;
/// a plan goes when its document leaves the cache.
/// </summary>
public static class FieldPlans
{
    private static readonly ConditionalWeakTable<GraphQLField, ConcurrentDictionary<PlanKey, object>> Plans = new();

    /// <param name="variant">What else the plan depends on (an argument's value), or null.</param>
    public static TPlan GetOrAdd<TPlan>(IResolveFieldContext context, string? variant, Func<TPlan> build)
        where TPlan : class
    {
        var plans = Plans.GetValue(context.FieldAst, _ => new ConcurrentDictionary<PlanKey, object>());
        // A fragment's field node can resolve on several parent types: the field's definition is part of the key.
        var key = new PlanKey(context.FieldDefinition, typeof(TPlan), variant);
        if (plans.TryGetValue(key, out var plan)) return (TPlan)plan;
        var built = build();
        // Few per node: the variants of one field are the values of one argument that clients actually send.
        if (plans.Count < 16) plans.TryAdd(key, built);
        return built;
    }

    /// <summary>A canonical text of an argument's value (input objects, lists, enums and scalars), or null for none.</summary>
    public static string? Signature(object? value)
    {
        if (value is null) return null;
        var text = new StringBuilder();
        Append(text, value);
        return text.ToString();
    }

    private static void Append(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case string s:
                text.Append('"').Append(s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
                break;
            case IDictionary<string, object?> fields:
                text.Append('{');
                foreach (var (name, field) in fields)
                {
                    text.Append(name).Append(':');
                    Append(text, field);
                    text.Append(',');
                }

                text.Append('}');
                break;
            case System.Collections.IEnumerable items:
                text.Append('[');
                foreach (var item in items)
                {
                    Append(text, item);
                    text.Append(',');
                }

                text.Append(']');
                break;
            default:
                text.Append(value.GetType().Name).Append(':').Append(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }

    private readonly record struct PlanKey(object Field, Type Plan, string? Variant);
}
