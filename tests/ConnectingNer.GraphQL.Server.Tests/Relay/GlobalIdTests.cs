using ConnectingNer.GraphQL.Server.Relay;

namespace ConnectingNer.GraphQL.Server.Tests.Relay;

public sealed class GlobalIdTests
{
    [Fact]
    public void Encode_UsesHotChocolateFormat() =>
        Assert.Equal("UHJvZHVjdDo0Mg==", GlobalId.Encode("Product", 42));

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
