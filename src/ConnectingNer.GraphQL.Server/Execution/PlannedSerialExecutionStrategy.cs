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

    private static readonly ConditionalWeakTable<GraphQLSelectionSet, ConcurrentDictionary<IGraphType, StrongBox<RenderPlan?>>> RenderPlans = new();

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

    /// <summary>
    /// A field whose resolver reads only its source (<see cref="ISourceResolver"/>) and whose value is a leaf or an
    /// object runs inline: resolve, serialize or build the object's child nodes, check non-null. Anything unusual (an
    /// exception, a null where the schema promises a value) runs the field again through GraphQL.NET's own path, which
    /// reports it as it always does: the resolver reads only its source, so running it twice is harmless.
    /// </summary>
    protected override Task ExecuteNodeAsync(ExecutionContext context, ExecutionNode node)
    {
        if (node.FieldDefinition?.Resolver is not ISourceResolver resolver || node.Parent is not ObjectExecutionNode
            || node is not (ValueExecutionNode or ObjectExecutionNode) || context.CancellationToken.IsCancellationRequested)
            return base.ExecuteNodeAsync(context, node);

        try
        {
            var result = resolver.Resolve(node.Parent.Result);
            if (result is null)
            {
                if (node.FieldDefinition.ResolvedType is NonNullGraphType) return base.ExecuteNodeAsync(context, node);
                node.Result = null;
                return Task.CompletedTask;
            }

            if (node is ValueExecutionNode leaf)
            {
                var serialized = leaf.GraphType.Serialize(result);
                if (serialized is null) return base.ExecuteNodeAsync(context, node);
                node.Result = serialized;
                return Task.CompletedTask;
            }

            node.Result = result;
            ValidateNodeResult(context, node);
            SetSubFieldNodes(context, (ObjectExecutionNode)node);
            return Task.CompletedTask;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            node.Result = null;
            return base.ExecuteNodeAsync(context, node);
        }
    }

    /// <summary>
    /// A list of objects whose selected fields all read only their source (<see cref="RenderPlan"/>) is written to JSON
    /// here, in one pass over its items, instead of becoming an execution node for every field of every item; the
    /// result writer copies it. When rendering gives up (<see cref="ResultRenderer"/>), the items are executed node by
    /// node as GraphQL.NET does, which reports whatever made it give up.
    /// </summary>
    protected override Task SetArrayItemNodesAsync(ExecutionContext context, ArrayExecutionNode parent)
    {
        if (context.DirectiveValues is not { Count: > 0 } && !context.CancellationToken.IsCancellationRequested
            && ItemObjectType(parent.GraphType, out var itemsNonNull) is { } itemType
            && parent.Field?.SelectionSet is { } selectionSet && PlanFor(context, itemType, selectionSet) is { } plan)
        {
            var items = parent.Result;
            var rendered = ResultRenderer.TryRender(ref items, itemsNonNull, plan);
            parent.Result = items;
            if (rendered is not null)
            {
                parent.SerializedResult = rendered;
                return Task.CompletedTask;
            }
        }

        return base.SetArrayItemNodesAsync(context, parent);
    }

    private RenderPlan? PlanFor(ExecutionContext context, IObjectGraphType type, GraphQLSelectionSet selectionSet)
    {
        var byType = RenderPlans.GetValue(selectionSet, _ => new ConcurrentDictionary<IGraphType, StrongBox<RenderPlan?>>());
        if (byType.TryGetValue(type, out var known)) return known.Value;

        var plan = BuildPlan(context, type, selectionSet);
        byType.TryAdd(type, new StrongBox<RenderPlan?>(plan));
        return plan;
    }

    private RenderPlan? BuildPlan(ExecutionContext context, IObjectGraphType type, GraphQLSelectionSet selectionSet)
    {
        var collected = Collect(context, type, selectionSet);
        var fields = new RenderField[collected.Length];
        for (var i = 0; i < collected.Length; i++)
        {
            var (key, field, fieldType) = collected[i];
            if (ReferenceEquals(fieldType, context.Schema.TypeNameMetaFieldType))
            {
                fields[i] = new RenderField(key, RenderKind.TypeName, null, nonNull: true);
                continue;
            }

            if (fieldType.Resolver is not ISourceResolver resolver) return null;
            var nonNull = fieldType.ResolvedType is NonNullGraphType;
            var valueType = fieldType.ResolvedType is NonNullGraphType required ? required.ResolvedType : fieldType.ResolvedType;
            RenderField? rendered = valueType switch
            {
                // An ID serializes a string as it is, so a resolver that writes its string's JSON itself may do so.
                ScalarGraphType scalar => new RenderField(key, RenderKind.Leaf, resolver, nonNull)
                {
                    Leaf = scalar, Writer = scalar.GetType() == typeof(IdGraphType) ? resolver as IJsonSourceResolver : null,
                },
                IObjectGraphType objectType when field.SelectionSet is { } inner && PlanFor(context, objectType, inner) is { } plan =>
                    new RenderField(key, RenderKind.Object, resolver, nonNull) { Plan = plan },
                ListGraphType list when ItemObjectType(list, out var itemsNonNull) is { } itemType && field.SelectionSet is { } inner
                    && PlanFor(context, itemType, inner) is { } plan =>
                    new RenderField(key, RenderKind.List, resolver, nonNull) { Plan = plan, ItemsNonNull = itemsNonNull },
                _ => null,
            };
            if (rendered is null) return null;
            fields[i] = rendered;
        }

        return new RenderPlan(type, fields);
    }

    /// <summary>The object type of a list's items, when they are objects of one type.</summary>
    private static IObjectGraphType? ItemObjectType(IGraphType? listType, out bool itemsNonNull)
    {
        var itemType = (listType as ListGraphType)?.ResolvedType;
        itemsNonNull = itemType is NonNullGraphType;
        return (itemType is NonNullGraphType nonNull ? nonNull.ResolvedType : itemType) as IObjectGraphType;
    }

    /// <summary>
    /// The last few selection sets and types this thread collected: a list's items, and their objects in turn, ask for
    /// the same few again and again, and this is cheaper than the weak table and dictionary behind it.
    /// </summary>
    [ThreadStatic]
    private static Recent[]? _recent;

    [ThreadStatic]
    private static int _next;

    private struct Recent
    {
        public GraphQLSelectionSet? SelectionSet;
        public IGraphType? Type;
        public Collected[]? Fields;
    }

    private Collected[] Collect(ExecutionContext context, IGraphType specificType, GraphQLSelectionSet selectionSet)
    {
        var recent = _recent ??= new Recent[4];
        for (var i = 0; i < recent.Length; i++)
        {
            if (ReferenceEquals(recent[i].SelectionSet, selectionSet) && ReferenceEquals(recent[i].Type, specificType))
                return recent[i].Fields!;
        }

        var byType = Plans.GetValue(selectionSet, _ => new ConcurrentDictionary<IGraphType, Collected[]>());
        if (!byType.TryGetValue(specificType, out var collected))
        {
            var fresh = base.CollectFieldsFrom(context, specificType, selectionSet, null);
            collected = fresh.Select(f => new Collected(f.Key, f.Value.field, f.Value.fieldType)).ToArray();
            byType.TryAdd(specificType, collected);
        }

        recent[_next] = new Recent { SelectionSet = selectionSet, Type = specificType, Fields = collected };
        _next = (_next + 1) % recent.Length;
        return collected;
    }

    private readonly record struct Collected(string Name, GraphQLField Field, FieldType FieldType);
}
