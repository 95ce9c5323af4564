using ConnectingNer.GraphQL.Server.Relay;

namespace ConnectingNer.GraphQL.Server.Tests.Relay;

public sealed class GlobalIdTests
{
    [Fact]
    public void Encode_UsesHotChocolateFormat() =>
        Assert.Equal("UHJvZHVjdDo0Mg==", GlobalId.Encode("Product", 42));

    [Theory]
    [InlineData("Item", 0)]
    [InlineData("Item", 7)]
    [InlineData("Item", -1)]
    [InlineData("Item", int.MaxValue)]
    [InlineData("Item", int.MinValue)]
    [InlineData("Bücher", 12345)]
    [InlineData("", 5)]
    public void Encode_OfAnIntegerKey_IsTheIdOfItsText(string typeName, int key) =>
        Assert.Equal(GlobalId.Encode(typeName, key.ToString(System.Globalization.CultureInfo.InvariantCulture)), GlobalId.Encode(typeName, key));

    [Theory]
    [InlineData("Item", 0)]
    [InlineData("Item", int.MaxValue)]
    [InlineData("Item", int.MinValue)]
    [InlineData("Ťhïng+/?>~", -42)]
    [InlineData("", 5)]
    public void TryWrite_WritesTheEncodedIdsJson_UnderTheResultsOptions(string typeName, int key)
    {
        Assert.Equal(Json(w => w.WriteStringValue(GlobalId.Encode(typeName, key))),
            Json(w => Assert.True(GlobalId.TryWrite(w, System.Text.Encoding.UTF8.GetBytes(typeName), key))));
    }

    [Fact]
    public void TryWrite_RefusesATypeNameTooLongForTheStack_AndWritesNothing()
    {
        Assert.Equal("", Json(w => Assert.False(GlobalId.TryWrite(w, new byte[201], 1))));
    }

    private static string Json(Action<System.Text.Json.Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Encoder = ConnectingNer.GraphQL.Server.Execution.ResultJson.Encoder }))
            write(json);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Fact]
    public void Encode_OfAnIntegerKey_WithALongTypeName_IsTheIdOfItsText()
    {
        var longName = new string('x', 150) + "\u0985\u09b8\u09ae" + new string('y', 100);
        Assert.Equal(GlobalId.Encode(longName, "99"), GlobalId.Encode(longName, 99));
        Assert.Equal(GlobalId.Encode("x" + new string('\u0985', 66), "1"), GlobalId.Encode("x" + new string('\u0985', 66), 1));
    }

    [Fact]
    public void TryDecodeInt_WhenRoundTripped_ReturnsKey()
    {
        Assert.True(GlobalId.TryDecodeInt(GlobalId.Encode("Product", 42), "Product", out var key));
        Assert.Equal(42, key);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("UHJvZHVjdA==")]          // "Product" without key
    [InlineData("UHJvZHVjdDo=")]          // "Product:" empty key
    [InlineData("Q2F0ZWdvcnk6NDI=")]      // "Category:42": wrong type
    [InlineData("UHJvZHVjdDotNA==")]      // "Product:-4"
    [InlineData("UHJvZHVjdDo5OTk5OTk5OTk5OTk=")] // overflows int
    public void TryDecodeInt_WhenNotAProductId_Fails(string? value) =>
        Assert.False(GlobalId.TryDecodeInt(value, "Product", out _));
}
