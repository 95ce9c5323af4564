using System.Text;
using ConnectingNer.GraphQL.Server.Relay;
using ConnectingNer.GraphQL.Server.Tests.Library;

namespace ConnectingNer.GraphQL.Server.Tests.Relay;

/// <summary><c>node(id:)</c> and <c>nodes(ids:)</c> over the library.</summary>
[Collection(LibraryCollection.Name)]
public sealed class NodeResolutionTests(LibraryDatabase database)
{
    private static string Id(string type, object key) => GlobalId.Encode(type, Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture)!);

    [Fact]
    public async Task Node_FetchesAnObjectOfAnyRegisteredType()
    {
        var server = await database.DefaultServerAsync();

        var book = await server.PostAsync("query($id: ID!) { node(id: $id) { __typename id ... on Book { title } } }", new { id = Id("Book", 2) });
        var shelf = await server.PostAsync("query($id: ID!) { node(id: $id) { ... on Shelf { name } } }", new { id = Id("Shelf", 2) });
        var ticket = await server.PostAsync("query($id: ID!) { node(id: $id) { ... on Shelf { name } } }", new { id = Id("Ticket", LibrarySchema.TicketId) });

        Assert.Equal("Middlemarch", book.Data.GetProperty("node").GetProperty("title").GetString());
        Assert.Equal(Id("Book", 2), book.Data.GetProperty("node").GetProperty("id").GetString());
        Assert.Equal("Verse", shelf.Data.GetProperty("node").GetProperty("name").GetString());
        Assert.StartsWith("ticket ", ticket.Data.GetProperty("node").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Nodes_FetchEachTypeInOneQuery_InTheOrderGiven_RepeatsIncluded()
    {
        var server = await database.DefaultServerAsync();
        server.Sql.Clear();

        var answer = await server.PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { ... on Book { title } ... on Shelf { name } } }",
            new { ids = new[] { Id("Book", 3), Id("Shelf", 1), Id("Book", 1), Id("Book", 3) } });

        var nodes = answer.Data.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal("100% Poetry", nodes[0].GetProperty("title").GetString());
        Assert.Equal("Novels", nodes[1].GetProperty("name").GetString());
        Assert.Equal("Anna Karenina", nodes[2].GetProperty("title").GetString());
        Assert.Equal("100% Poetry", nodes[3].GetProperty("title").GetString());
        Assert.Equal(2, server.Sql.Commands.Count);
        Assert.False(answer.HasErrors);
    }

    public static TheoryData<string> InvalidIds => new()
    {
        "not an id",
        Id("Book", "one"),
        Id("Book", "-1"),
        Id("Book", " 1"),
        Id("Unknown", 1),
        Id("Ticket", "7D7D7D7D-1111-2222-3333-444444444444".ToLowerInvariant().Replace("-", "")),
        Convert.ToBase64String(Encoding.UTF8.GetBytes("Book")),
        Convert.ToBase64String(Encoding.UTF8.GetBytes(":1")),
        Convert.ToBase64String(Encoding.UTF8.GetBytes("Book:")),
        Convert.ToBase64String([0xff, 0xfe, 0x3a, 0x31]),
        "",
        new string('A', 300),
    };

    [Theory]
    [MemberData(nameof(InvalidIds))]
    public async Task AMalformedId_IsNullWithAnInvalidIdError(string id)
    {
        var server = await database.DefaultServerAsync();

        var answer = await server.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id });

        Assert.Equal(System.Text.Json.JsonValueKind.Null, answer.Data.GetProperty("node").ValueKind);
        Assert.Equal("NODE_INVALID_ID", answer.FirstCode);
        Assert.Equal("node", answer.Json.GetProperty("errors")[0].GetProperty("path")[0].GetString());
    }

    [Fact]
    public async Task AnUnknownKey_IsNullWithNotFound_AndNodesKeepTheOthers()
    {
        var server = await database.DefaultServerAsync();

        var single = await server.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id = Id("Book", 999) });
        var many = await server.PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
            new { ids = new[] { Id("Book", 1), Id("Book", 999), "junk", Id("Ticket", Guid.NewGuid()) } });

        Assert.Equal("NOT_FOUND", single.FirstCode);
        var nodes = many.Data.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(Id("Book", 1), nodes[0].GetProperty("id").GetString());
        Assert.All(nodes.Skip(1), n => Assert.Equal(System.Text.Json.JsonValueKind.Null, n.ValueKind));
        var errors = many.Json.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("extensions").GetProperty("code").GetString(), e.GetProperty("path")[1].GetInt32())).OrderBy(e => e.Item2).ToList();
        Assert.Equal([("NOT_FOUND", 1), ("NODE_INVALID_ID", 2), ("NOT_FOUND", 3)], errors);
    }

    [Fact]
    public async Task Nodes_TakesAtMostFiftyIds()
    {
        var server = await database.DefaultServerAsync();
        var fifty = Enumerable.Range(1, NodeResolvers.MaxIds).Select(i => Id("Book", i)).ToArray();

        var ok = await server.PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids = fifty });
        var over = await server.PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids = fifty.Append(Id("Book", 1)).ToArray() });

        Assert.Equal(NodeResolvers.MaxIds, ok.Data.GetProperty("nodes").GetArrayLength());
        Assert.DoesNotContain("NODE_INVALID_ID", ok.Codes);
        Assert.Equal("NODE_INVALID_ID", over.FirstCode);
    }

    [Fact]
    public void GlobalIds_RoundTrip_AndRejectWhatIsNotTheirs()
    {
        Assert.True(GlobalId.TryDecodeInt(GlobalId.Encode("Book", 42), "Book", out var key));
        Assert.Equal(42, key);
        Assert.False(GlobalId.TryDecodeInt(GlobalId.Encode("Book", 42), "Shelf", out _));
        Assert.True(GlobalId.TryDecodeGuid(GlobalId.Encode("Ticket", LibrarySchema.TicketId.ToString()), "Ticket", out var guid));
        Assert.Equal(LibrarySchema.TicketId, guid);
        Assert.False(GlobalId.TryDecodeGuid(GlobalId.Encode("Ticket", LibrarySchema.TicketId.ToString("N")), "Ticket", out _));
        Assert.False(GlobalId.TryDecodeGuid(GlobalId.Encode("Ticket", LibrarySchema.TicketId.ToString()), "Book", out _));
        Assert.False(GlobalId.TryParseIntKey("+1", out _));
        Assert.False(GlobalId.TryDecode(null, out _, out _));
        Assert.True(GlobalId.TryDecode(GlobalId.Encode("A", "b:c"), out var type, out var text));
        Assert.Equal(("A", "b:c"), (type, text));
    }

    [Fact]
    public void AnIdOfExactly256Characters_IsRead_LongerIsNot()
    {
        var key = new string('k', 187);
        var id = GlobalId.Encode("Book", key);
        Assert.Equal(256, id.Length);
        Assert.True(GlobalId.TryDecode(id, out _, out var read));
        Assert.Equal(key, read);
        Assert.False(GlobalId.TryDecode(GlobalId.Encode("Book", key + "kkk"), out _, out _));
    }
}
