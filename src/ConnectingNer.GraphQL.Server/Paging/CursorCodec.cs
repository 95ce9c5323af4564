using System.Text;
using System.Text.Json;
using ConnectingNer.GraphQL.Server.Errors;

namespace ConnectingNer.GraphQL.Server.Paging;

/// <summary>Keyset cursors: the sort key values of a row, as Base64 of a JSON array; opaque to clients.</summary>
public static class CursorCodec
{
    public static string Encode<TKey>(TKey key) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new[] { key }));

    public static TKey Decode<TKey>(string cursor)
    {
        try
        {
            var bytes = Convert.FromBase64String(cursor);
            var values = JsonSerializer.Deserialize<TKey[]>(bytes);
            if (values is { Length: 1 } && values[0] is not null) return values[0];
        }
        catch (Exception e) when (e is FormatException or JsonException or NotSupportedException or DecoderFallbackException)
        {
        }

        throw new CodedError(ErrorCodes.InvalidCursor, $"The cursor '{Truncate(cursor)}' is not valid.");
    }

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
