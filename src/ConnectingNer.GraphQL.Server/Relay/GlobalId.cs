using System.Text;
using System.Text.Json;

namespace ConnectingNer.GraphQL.Server.Relay;

/// <summary>Opaque global ids in HotChocolate's format: <c>Base64("TypeName:key")</c>.</summary>
public static class GlobalId
{
    /// <summary>An id with an integer key, encoded without intermediate strings: lists write one per row.</summary>
    public static string Encode(string typeName, int key)
    {
        var length = Encoding.UTF8.GetByteCount(typeName);
        if (length > MaxStackName) return Encode(typeName, key.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Span<byte> text = stackalloc byte[length + KeyRoom];
        Encoding.UTF8.GetBytes(typeName, text);
        return Convert.ToBase64String(text[..AppendKey(text, length, key)]);
    }

    /// <summary>
    /// Writes <see cref="Encode(string, int)"/>'s id as a JSON string, without making the string: the type's name comes
    /// as UTF-8 (<paramref name="typeNameUtf8"/>). False, with nothing written, when the name is too long for the stack.
    /// </summary>
    public static bool TryWrite(Utf8JsonWriter json, ReadOnlySpan<byte> typeNameUtf8, int key)
    {
        if (typeNameUtf8.Length > MaxStackName) return false;
        Span<byte> text = stackalloc byte[typeNameUtf8.Length + KeyRoom];
        typeNameUtf8.CopyTo(text);
        json.WriteBase64StringValue(text[..AppendKey(text, typeNameUtf8.Length, key)]);
        return true;
    }

    // Longer type names (in UTF-8 bytes) are encoded through strings rather than on the stack.
    private const int MaxStackName = 200;

    // ':' and at most 11 characters of an int.
    private const int KeyRoom = 12;

    /// <summary>Puts ':' and the key after the type's name in <paramref name="text"/>; the id text's length.</summary>
    private static int AppendKey(Span<byte> text, int nameLength, int key)
    {
        text[nameLength] = (byte)':';
        key.TryFormat(text[(nameLength + 1)..], out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        return nameLength + 1 + written;
    }

    public static string Encode(string typeName, string key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(typeName + ":" + key));

    /// <summary>Reads a global id; false when it is not one of ours.</summary>
    public static bool TryDecode(string? value, out string typeName, out string key)
    {
        typeName = key = "";
        if (string.IsNullOrEmpty(value) || value.Length > 256) return false;
        var bytes = new byte[value.Length];
        if (!Convert.TryFromBase64String(value, bytes, out var length)) return false;
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes, 0, length);
        }
        catch (ArgumentException)
        {
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1) return false;
        typeName = text[..colon];
        key = text[(colon + 1)..];
        return true;
    }

    /// <summary>Reads a global id of the expected type with a non-negative integer key.</summary>
    public static bool TryDecodeInt(string? value, string expectedTypeName, out int key)
    {
        key = 0;
        return TryDecode(value, out var typeName, out var text) && typeName == expectedTypeName && TryParseIntKey(text, out key);
    }

    /// <summary>Reads a global id of the expected type with a GUID key (in its hyphenated form).</summary>
    public static bool TryDecodeGuid(string? value, string expectedTypeName, out Guid key)
    {
        key = Guid.Empty;
        return TryDecode(value, out var typeName, out var text) && typeName == expectedTypeName && TryParseGuidKey(text, out key);
    }

    /// <summary>An integer key as ids carry it: digits only, no sign, no spaces.</summary>
    public static bool TryParseIntKey(string text, out int key) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out key);

    /// <summary>A GUID key as ids carry it: the hyphenated form only, so each object has one id.</summary>
    public static bool TryParseGuidKey(string text, out Guid key) => Guid.TryParseExact(text, "D", out key);
}
