using System.Text.Json;
using System.Text.Json.Serialization;
using ConnectingNer.GraphQL.Server.Execution;
using GraphQL;
using GraphQL.Execution;

namespace ConnectingNer.GraphQL.Server.Transport;

/// <summary>
/// Writes an <see cref="ExecutionResult"/> as GraphQL.NET's own converter does, byte for byte, with one difference of
/// cost: a leaf's serialized string, integer, boolean or decimal goes straight to the writer. GraphQL.NET hands every
/// leaf to <see cref="JsonSerializer"/> as an <see cref="object"/>, which looks up the converter of its runtime type
/// each time: a page of twenty items did that a hundred times. Other values (dates, lists of scalars, maps) still go
/// through the serializer with the same options. A list the execution already wrote (<see cref="RenderedList"/>) is
/// copied as it is.
/// </summary>
public sealed class ExecutionResultWriter : JsonConverter<ExecutionResult>
{
    public override void Write(Utf8JsonWriter writer, ExecutionResult value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.Errors is { Count: > 0 } errors)
        {
            writer.WritePropertyName("errors");
            JsonSerializer.Serialize(writer, errors, options);
        }

        if (value.Executed)
        {
            writer.WritePropertyName("data");
            if (value.Data is ExecutionNode node) WriteNode(writer, node, options);
            else JsonSerializer.Serialize(writer, value.Data, options);
        }

        if (value.Extensions is { Count: > 0 } extensions)
        {
            writer.WritePropertyName("extensions");
            JsonSerializer.Serialize(writer, extensions, options);
        }

        writer.WriteEndObject();
    }

    public override ExecutionResult Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Execution results are written, never read.");

    public override bool CanConvert(Type typeToConvert) => typeof(ExecutionResult).IsAssignableFrom(typeToConvert);

    private static void WriteNode(Utf8JsonWriter writer, ExecutionNode? node, JsonSerializerOptions options)
    {
        switch (node)
        {
            case ValueExecutionNode value:
                WriteLeaf(writer, value.ToValue(), options);
                break;
            case ObjectExecutionNode { SubFields: null }:
                writer.WriteNullValue();
                break;
            case ObjectExecutionNode parent:
                writer.WriteStartObject();
                foreach (var child in parent.SubFields)
                {
                    writer.WritePropertyName(options.PropertyNamingPolicy?.ConvertName(child.Name!) ?? child.Name!);
                    WriteNode(writer, child, options);
                }

                writer.WriteEndObject();
                break;
            case ArrayExecutionNode { Items: null, SerializedResult: RenderedList rendered } when ResultJson.Writes(options):
                writer.WriteRawValue(rendered.Utf8Json, skipInputValidation: true);
                break;
            case ArrayExecutionNode { Items: null } array:
                JsonSerializer.Serialize(writer, array.SerializedResult, options);
                break;
            case ArrayExecutionNode array:
                writer.WriteStartArray();
                foreach (var item in array.Items) WriteNode(writer, item, options);
                writer.WriteEndArray();
                break;
            case null or NullExecutionNode:
                writer.WriteNullValue();
                break;
            default:
                JsonSerializer.Serialize(writer, node.ToValue(), options);
                break;
        }
    }

    /// <summary>The types System.Text.Json's own converters write with exactly these calls; anything else goes to it.</summary>
    private static void WriteLeaf(Utf8JsonWriter writer, object? value, JsonSerializerOptions options)
    {
        if (options.NumberHandling != JsonNumberHandling.Strict)
        {
            JsonSerializer.Serialize(writer, value, options);
            return;
        }

        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string text: writer.WriteStringValue(text); break;
            case int number: writer.WriteNumberValue(number); break;
            case long number: writer.WriteNumberValue(number); break;
            case bool flag: writer.WriteBooleanValue(flag); break;
            case decimal number: writer.WriteNumberValue(number); break;
            default: JsonSerializer.Serialize(writer, value, options); break;
        }
    }
}
