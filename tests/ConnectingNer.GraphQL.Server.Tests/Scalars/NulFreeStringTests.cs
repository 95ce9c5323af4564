using ConnectingNer.GraphQL.Server.Scalars;
using ConnectingNer.GraphQL.Server.Tests.Library;

namespace ConnectingNer.GraphQL.Server.Tests.Scalars;

[Collection(LibraryCollection.Name)]
public sealed class NulFreeStringTests(LibraryDatabase database)
{
    // Escaped here and unescaped in the test: xunit cannot carry a lone surrogate in a test case's name.
    [Theory]
    [InlineData("", true)]
    [InlineData("plain text", true)]
    [InlineData(@"a\u0000b", false)]
    [InlineData(@"\u0000", false)]
    [InlineData(@"tea \uD83C\uDF75", true)]
    [InlineData(@"\uD83C", false)]
    [InlineData(@"x\uD83C", false)]
    [InlineData(@"\uDF75x", false)]
    [InlineData(@"\uDF75\uD83C", false)]
    [InlineData(@"\uD83C\uDF75\uD83C\uDF75", true)]
    public void OnlyWellFormedTextWithoutNul_IsStorable(string escaped, bool storable) =>
        Assert.Equal(storable, NulFreeStringGraphType.IsStorable(System.Text.RegularExpressions.Regex.Unescape(escaped)));

    [Fact]
    public void ItKeepsTheBuiltInsName() => Assert.Equal("String", new NulFreeStringGraphType().Name);

    [Fact]
    public void VariablesAndLiterals_AreCheckedAlike()
    {
        var type = new NulFreeStringGraphType();

        Assert.True(type.CanParseValue("ok"));
        Assert.False(type.CanParseValue("a\u0000"));
        Assert.True(type.CanParseValue(null));
        Assert.Equal("ok", type.ParseValue("ok"));
        Assert.ThrowsAny<Exception>(() => type.ParseValue("\uD83C"));
        Assert.True(type.CanParseLiteral(new GraphQLParser.AST.GraphQLStringValue("ok")));
        Assert.False(type.CanParseLiteral(new GraphQLParser.AST.GraphQLStringValue("\uD83C")));
        Assert.Equal("ok", type.ParseLiteral(new GraphQLParser.AST.GraphQLStringValue("ok")));
        Assert.ThrowsAny<Exception>(() => type.ParseLiteral(new GraphQLParser.AST.GraphQLStringValue("a\u0000")));
        Assert.False(type.CanParseLiteral(new GraphQLParser.AST.GraphQLIntValue(1)));
        Assert.False(type.CanParseValue(5));
    }

    [Theory]
    [InlineData("{ echo(text: \"a\\u0000b\") }")]
    [InlineData("{ echo(text: \"\\uD83D\") }")]
    public async Task ALiteralThatCannotBeStored_IsAValidationError(string query)
    {
        var answer = await (await database.DefaultServerAsync()).PostAsync(query);

        Assert.Equal(400, answer.Status);
        Assert.True(answer.HasErrors);
        Assert.False(answer.Json.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task AnEmojiRoundTrips()
    {
        var answer = await (await database.DefaultServerAsync()).PostAsync("query($t: String) { echo(text: $t) }", new { t = "chai \uD83C\uDF75" });

        Assert.Equal("chai \uD83C\uDF75", answer.Data.GetProperty("echo").GetString());
    }
}
