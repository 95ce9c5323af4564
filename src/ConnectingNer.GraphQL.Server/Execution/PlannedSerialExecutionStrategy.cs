using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace ConnectingNer.GraphQL.Server.Execution;

/// <summary>
/// GraphQL.NET's serial execution, with the fields of each selection set collected once per object type and kept with
/// the selection set's node of the cached document: a list of twenty items collected the same five fields twenty
/// times, per request. An object's child nodes are built straight from the kept fields. Requests whose directives
/// (<c>@skip</c>, <c>@include</c>) take values collect afresh, since the fields then depend on the variables.
/// </summary>
public sealed class PlannedSerialExecutionStrategy : SerialExecutionStrategy
{
    private static readonly ConditionalWeakTable<GraphQLSelectionSet, ConcurrentDictionary<IGraphType, Collected[]>> Plans = new();

    protected override Dictionary<string, (GraphQLField field, FieldType fieldType)> CollectFieldsFrom(
        ExecutionContext context, IGraphType specificType, GraphQLSelectionSet selectionSet,
        Dictionary<string, (GraphQLField field, FieldType fieldType)>? fields)
    {
        if (fields is { Count: > 0 } || context.DirectiveValues is { Count: > 0 })
            return base.CollectFieldsFrom(context, specificType, selectionSet, fields);

        var collected = Collect(context, specificType, selectionSet);
        fields ??= new Dictionary<string, (GraphQLField field, FieldType fieldType)>(collected.Length);
        foreach (var (name, field, fieldType) in collected) fields[name] = (field, fieldType);
        return fields;
    }

    /// <summary>
    /// The child nodes of an object straight from its selection set's kept fields, without filling and emptying a
    /// dictionary for every object of a list.
    /// </summary>
    protected override void SetSubFieldNodes(ExecutionContext context, ObjectExecutionNode parent)
    {
        if (context.DirectiveValues is { Count: > 0 } || parent.SelectionSet is not { } selectionSet)
        {
            base.SetSubFieldNodes(context, parent);
            return;
        }

        var collected = Collect(context, parent.GetObjectGraphType(context.Schema) ?? parent.GraphType, selectionSet);
        var subFields = new ExecutionNode[collected.Length];
        for (var i = 0; i < collected.Length; i++)
            subFields[i] = BuildExecutionNode(parent, collected[i].FieldType.ResolvedType!, collected[i].Field, collected[i].FieldType);
        parent.SubFields = subFields;
    }

    private Collected[] Collect(ExecutionContext context, IGraphType specificType, GraphQLSelectionSet selectionSet)
    {
        var byType = Plans.GetValue(selectionSet, _ => new ConcurrentDictionary<IGraphType, Collected[]>());
        if (!byType.TryGetValue(specificType, out var collected))
        {
            var fresh = base.CollectFieldsFrom(context, specificType, selectionSet, null);
            collected = fresh.Select(f => new Collected(f.Key, f.Value.field, f.Value.fieldType)).ToArray();
            byType.TryAdd(specificType, collected);
        }

        return collected;
    }

    private readonly record struct Collected(string Name, GraphQLField Field, FieldType FieldType);
}
