using System.Text;
using System.Text.Json;
using ConnectingNer.GraphQL.Server.Errors;

namespace ConnectingNer.GraphQL.Server.Paging;

/// <summary>Keyset cursors: the sort key values of a row, as Base64 of a JSON array; opaque to clients.</summary>
public static class CursorCodec
{
    public static string Encode(IReadOnlyList<object?> keys) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(keys));

    /// <summary>Reads a cursor made for keys of the given types; a cursor from another order or a forged one is refused.</summary>
    public static object?[] Decode(string cursor, IReadOnlyList<Type> types)
    {
        try
        {
            var bytes = Convert.FromBase64String(cursor);
            using var document = JsonDocument.Parse(bytes);
            var array = document.RootElement;
            if (array.ValueKind == JsonValueKind.Array && array.GetArrayLength() == types.Count)
            {
                var values = new object?[types.Count];
                for (var i = 0; i < types.Count; i++)
                {
                    var element = array[i];
                    values[i] = element.ValueKind == JsonValueKind.Null ? null : element.Deserialize(types[i]);
                    if (values[i] is null && Nullable.GetUnderlyingType(types[i]) is null && types[i].IsValueType)
                        throw new JsonException("null key");
                }

                return values;
            }
        }
        catch (Exception e) when (e is FormatException or JsonException or NotSupportedException or DecoderFallbackException or InvalidOperationException)
        {
        }

        throw new CodedError(ErrorCodes.InvalidCursor, $"The cursor '{Truncate(cursor)}' is not valid for this list and order.");
    }

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
