using System.Buffers;
using System.Collections;
using System.Text.Encodings.Web;
using System.Text.Json;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Server.Execution;

/// <summary>The JSON settings the server writes results with, and that a rendered list was written with.</summary>
public static class ResultJson
{
    /// <summary>Characters outside ASCII are written as they are (JSON allows them; the answer is UTF-8).</summary>
    public static JavaScriptEncoder Encoder => JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>Whether the serializer's options write what <see cref="Encoder"/> alone writes.</summary>
    public static bool Writes(JsonSerializerOptions options) =>
        ReferenceEquals(options.Encoder, Encoder) && options.PropertyNamingPolicy is null && !options.WriteIndented
        && options.NumberHandling == System.Text.Json.Serialization.JsonNumberHandling.Strict;
}

/// <summary>
/// How the items of a list are written when every field selected on them is resolved from its source alone
/// (<see cref="ISourceResolver"/>), is <c>__typename</c>, or is an object or a list of objects whose own selection
/// qualifies in turn. Built once per selection set and object type.
/// </summary>
internal sealed class RenderPlan(IObjectGraphType type, RenderField[] fields)
{
    public IObjectGraphType Type { get; } = type;

    public RenderField[] Fields { get; } = fields;
}

internal enum RenderKind
{
    TypeName,
    Leaf,
    Object,
    List,
}

internal sealed class RenderField(string key, RenderKind kind, ISourceResolver? resolver, bool nonNull)
{
    public string Key { get; } = key;

    public JsonEncodedText Name { get; } = JsonEncodedText.Encode(key, ResultJson.Encoder);

    public RenderKind Kind { get; } = kind;

    public ISourceResolver? Resolver { get; } = resolver;

    public bool NonNull { get; } = nonNull;

    public ScalarGraphType? Leaf { get; init; }

    /// <summary>The resolver that writes the leaf's value itself (an <c>ID</c> field's only).</summary>
    public IJsonSourceResolver? Writer { get; init; }

    /// <summary>The plan of the object, or of a list's items.</summary>
    public RenderPlan? Plan { get; init; }

    public bool ItemsNonNull { get; init; }
}

/// <summary>
/// A list whose items were written to JSON during execution, in one pass over the source objects, instead of becoming
/// an execution node per field of every item. Our result writer copies <see cref="Utf8Json"/>; anything else that
/// reads the result (GraphQL.NET's own serializer, <c>ToValue()</c>) enumerates the items as the dictionaries GraphQL.NET
/// would have built.
/// </summary>
public sealed class RenderedList : IEnumerable
{
    private readonly IList _items;
    private readonly RenderPlan _plan;

    internal RenderedList(IList items, RenderPlan plan, byte[] utf8Json)
    {
        _items = items;
        _plan = plan;
        Utf8Json = utf8Json;
    }

    /// <summary>The list as JSON, written with <see cref="ResultJson.Encoder"/>.</summary>
    public byte[] Utf8Json { get; }

    public IEnumerator GetEnumerator() => ((IEnumerable)ResultRenderer.ToValue(_items, _plan)).GetEnumerator();
}

/// <summary>
/// Writes lists by their <see cref="RenderPlan"/>. Whatever GraphQL.NET would report (an exception, a null where the
/// schema promises a value, a value its scalar refuses or a type that <c>IsTypeOf</c> rejects) or a value this
/// writer does not write exactly as the result writer would (anything but a string, integer, boolean or decimal)
/// abandons the rendering, and the list is executed node by node as always.
/// </summary>
internal static class ResultRenderer
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _writer;

    /// <summary>
    /// The list written by the plan, or null. A sequence that is not a list is read once into one first, and
    /// <paramref name="list"/> becomes that list: when rendering gives up, GraphQL.NET reads the items again.
    /// </summary>
    public static RenderedList? TryRender(ref object? list, bool itemsNonNull, RenderPlan plan)
    {
        if (list is not IList items)
        {
            if (list is not IEnumerable sequence) return null;
            var read = new List<object?>();
            foreach (var item in sequence) read.Add(item);
            list = items = read;
        }

        var buffer = _buffer ??= new ArrayBufferWriter<byte>(4096);
        var json = _writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ResultJson.Encoder, SkipValidation = true });
        buffer.ResetWrittenCount();
        json.Reset(buffer);
        try
        {
            if (!WriteList(json, items, itemsNonNull, plan)) return null;
            json.Flush();
            return new RenderedList(items, plan, buffer.WrittenSpan.ToArray());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;
        }
        finally
        {
            if (buffer.Capacity > 1 << 20) (_buffer, _writer) = (null, null); // a rare huge list does not stay with the thread
        }
    }

    private static bool WriteList(Utf8JsonWriter json, IList items, bool itemsNonNull, RenderPlan plan)
    {
        json.WriteStartArray();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item is null)
            {
                if (itemsNonNull) return false;
                json.WriteNullValue();
            }
            else if (!WriteObject(json, item, plan)) return false;
        }

        json.WriteEndArray();
        return true;
    }

    private static bool WriteObject(Utf8JsonWriter json, object source, RenderPlan plan)
    {
        if (plan.Type is { IsTypeOf: { } isTypeOf, SkipTypeCheck: false } && !isTypeOf(source)) return false;

        json.WriteStartObject();
        foreach (var field in plan.Fields)
        {
            json.WritePropertyName(field.Name);
            if (field.Kind == RenderKind.TypeName)
            {
                json.WriteStringValue(plan.Type.Name);
                continue;
            }

            if (field.Writer is { } writer && writer.TryWrite(json, source)) continue;
            var value = field.Resolver!.Resolve(source);
            if (value is null)
            {
                if (field.NonNull) return false;
                json.WriteNullValue();
                continue;
            }

            var written = field.Kind switch
            {
                RenderKind.Leaf => WriteLeaf(json, field.Leaf!.Serialize(value)),
                RenderKind.Object => WriteObject(json, value, field.Plan!),
                _ => value is IList list && WriteList(json, list, field.ItemsNonNull, field.Plan!),
            };
            if (!written) return false;
        }

        json.WriteEndObject();
        return true;
    }

    /// <summary>The values the result writer writes itself, with the same calls; a null here is a refused value.</summary>
    private static bool WriteLeaf(Utf8JsonWriter json, object? serialized)
    {
        switch (serialized)
        {
            case string text: json.WriteStringValue(text); return true;
            case int number: json.WriteNumberValue(number); return true;
            case long number: json.WriteNumberValue(number); return true;
            case bool flag: json.WriteBooleanValue(flag); return true;
            case decimal number: json.WriteNumberValue(number); return true;
            default: return false;
        }
    }

    /// <summary>The items as GraphQL.NET's nodes give them (<c>ToValue()</c>), for readers other than our writer.</summary>
    public static object?[] ToValue(IList items, RenderPlan plan)
    {
        var values = new object?[items.Count];
        for (var i = 0; i < values.Length; i++)
            values[i] = items[i] is { } item ? ToValue(item, plan) : null;
        return values;
    }

    private static Dictionary<string, object?> ToValue(object source, RenderPlan plan)
    {
        var fields = new Dictionary<string, object?>(plan.Fields.Length);
        foreach (var field in plan.Fields)
        {
            var value = field.Kind == RenderKind.TypeName ? plan.Type.Name : field.Resolver!.Resolve(source);
            fields[field.Key] = (value, field.Kind) switch
            {
                (null, _) => null,
                (_, RenderKind.Leaf) => field.Leaf!.Serialize(value),
                (_, RenderKind.Object) => ToValue(value, field.Plan!),
                (IList list, RenderKind.List) => ToValue(list, field.Plan!),
                _ => value,
            };
        }

        return fields;
    }
}
