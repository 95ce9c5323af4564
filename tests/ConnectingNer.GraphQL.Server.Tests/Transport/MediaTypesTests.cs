using ConnectingNer.GraphQL.Server.Transport;

namespace ConnectingNer.GraphQL.Server.Tests.Transport;

public sealed class MediaTypesTests
{
    [Theory]
    [InlineData(null, "application/json")]
    [InlineData("", "application/json")]
    [InlineData("*/*", "application/json")]
    [InlineData("application/*", "application/json")]
    [InlineData("application/json", "application/json")]
    [InlineData("application/graphql-response+json", "application/graphql-response+json")]
    [InlineData("application/graphql-response+json, application/json;q=0.9", "application/graphql-response+json")]
    [InlineData("application/json;q=1, application/graphql-response+json;q=0.5", "application/json")]
    [InlineData("application/graphql-response+json; charset=utf-8", "application/graphql-response+json")]
    [InlineData("text/html, */*;q=0.1", "application/json")]
    [InlineData("text/html", null)]
    [InlineData("application/json; charset=iso-8859-1", null)]
    [InlineData("application/json;q=0", null)]
    public void Negotiate_PicksTheBestSupportedType(string? accept, string? expected) =>
        Assert.Equal(expected, MediaTypes.Negotiate(accept));

    [Theory]
    [InlineData("application/json", true, true)]
    [InlineData("application/json; charset=utf-8", true, true)]
    [InlineData("APPLICATION/JSON; charset=\"UTF-8\"", true, true)]
    [InlineData("application/json; charset=latin1", true, false)]
    [InlineData("text/plain", false, true)]
    [InlineData(null, false, true)]
    public void IsJsonContent_RecognisesJsonAndItsCharset(string? contentType, bool isJson, bool charsetOk)
    {
        Assert.Equal(isJson, MediaTypes.IsJsonContent(contentType, out var charsetSupported));
        Assert.Equal(charsetOk, charsetSupported);
    }
}
