using System.Text;
using ConnectingNer.GraphQL.Server.Relay;
using ConnectingNer.GraphQL.Server.Tests.Library;

namespace ConnectingNer.GraphQL.Server.Tests.Relay;

[Collection(LibraryCollection.Name)]
public sealed class NodeDetailTests(LibraryDatabase database)
{
    private static string Id(string type, object key) => GlobalId.Encode(type, Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture)!);

    [Fact]
    public async Task ErrorsOfNode_PointAtTheField_ErrorsOfNodes_AtTheItem_WithMessagesAndLocations()
    {
        var server = await database.DefaultServerAsync();

        var single = await server.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id = Id("Book", 999) });
        var one = await server.PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids = new[] { "junk" } });
        var two = await server.PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids = new[] { Id("Book", 1), "junk" } });

        var error = single.Json.GetProperty("errors")[0];
        Assert.Equal("No object has this id.", error.GetProperty("message").GetString());
        Assert.Equal(["node"], error.GetProperty("path").EnumerateArray().Select(p => p.ToString()));
        Assert.Equal(1, error.GetProperty("locations").GetArrayLength());
        Assert.Equal(["nodes"], one.Json.GetProperty("errors")[0].GetProperty("path").EnumerateArray().Select(p => p.ToString()));
        Assert.Equal("'junk' is not a valid id.", one.Json.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal(["nodes", "1"], two.Json.GetProperty("errors")[0].GetProperty("path").EnumerateArray().Select(p => p.ToString()));
    }

    [Fact]
    public async Task ALongInvalidId_IsShortenedInTheMessage_AtFortyCharacters()
    {
        var server = await database.DefaultServerAsync();
        var forty = new string('!', 40);
        var fortyOne = new string('!', 41);

        var exact = await server.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id = forty });
        var longer = await server.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id = fortyOne });

        Assert.Equal($"'{forty}' is not a valid id.", exact.Json.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal($"'{forty}…' is not a valid id.", longer.Json.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task TooManyIds_SaysTheLimit()
    {
        var server = await database.DefaultServerAsync();
        var ids = Enumerable.Range(1, NodeResolvers.MaxIds + 1).Select(i => Id("Book", i)).ToArray();

        var answer = await server.PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids });

        Assert.Equal($"'ids' takes at most {NodeResolvers.MaxIds} ids.", answer.Json.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    public static TheoryData<string?> NotIds => new()
    {
        null,
        "",
        "%%%",
        Convert.ToBase64String([0xff, 0xfe, 0x3a, 0x31]),
        Convert.ToBase64String(Encoding.UTF8.GetBytes("Book")),
        Convert.ToBase64String(Encoding.UTF8.GetBytes(":1")),
        Convert.ToBase64String(Encoding.UTF8.GetBytes("Book:")),
        new string('A', 260),
    };

    [Theory]
    [MemberData(nameof(NotIds))]
    public void WhatIsNotAGlobalId_DecodesToNothing(string? value)
    {
        Assert.False(GlobalId.TryDecode(value, out var type, out var key));
        Assert.Equal(("", ""), (type, key));
    }

    [Fact]
    public void AKeyMayHoldAColonAndTheTypeNameOneCharacter()
    {
        Assert.True(GlobalId.TryDecode(Id("B", "x"), out var type, out var key));
        Assert.Equal(("B", "x"), (type, key));
        Assert.True(GlobalId.TryDecode(Id("Book", "1:2"), out type, out key));
        Assert.Equal(("Book", "1:2"), (type, key));
    }
}
