using ConnectingNer.GraphQL.Server.Tests.Library;

namespace ConnectingNer.GraphQL.Server.Tests.Data;

/// <summary>A request reads only what it selects, and nested lists load for all parents at once.</summary>
[Collection(LibraryCollection.Name)]
public sealed class ProjectionAndNestingTests(LibraryDatabase database)
{
    [Fact]
    public async Task OnlyTheSelectedColumns_AreRead()
    {
        var server = await database.DefaultServerAsync();
        server.Sql.Clear();

        await server.PostAsync("{ books(first: 2) { nodes { title } } }");

        var sql = Assert.Single(server.Sql.Commands);
        Assert.Contains("\"Title\"", sql);
        Assert.DoesNotContain("\"Subtitle\"", sql);
        Assert.DoesNotContain("\"Pages\"", sql);
        Assert.DoesNotContain("JOIN", sql, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AComputedField_ReadsTheMembersItDeclares()
    {
        var server = await database.DefaultServerAsync();
        server.Sql.Clear();

        var answer = await server.PostAsync("{ books(first: 1) { nodes { id price } } }");

        Assert.Contains("\"PriceCents\"", Assert.Single(server.Sql.Commands));
        Assert.Equal("12.99", answer.Data.GetProperty("books").GetProperty("nodes")[0].GetProperty("price").GetString());
        Assert.Equal("Qm9vazox", answer.Data.GetProperty("books").GetProperty("nodes")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task ASelectedReference_IsJoinedInTheSameStatement_WithOnlyItsSelectedColumns()
    {
        var server = await database.DefaultServerAsync();
        server.Sql.Clear();

        var answer = await server.PostAsync("{ books(first: 8) { nodes { title shelf { name } } } }");

        var sql = Assert.Single(server.Sql.Commands);
        Assert.Contains("JOIN", sql, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"Name\"", sql);
        var shelves = answer.Data.GetProperty("books").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("shelf").GetProperty("name").GetString());
        Assert.Equal(["Novels", "Novels", "Verse", "Verse", "Verse", "Novels", "Novels", "Verse"], shelves);
    }

    [Fact]
    public async Task FragmentsAndAliases_AreProjectedToo()
    {
        var server = await database.DefaultServerAsync();
        server.Sql.Clear();

        var answer = await server.PostAsync("{ books(first: 1) { nodes { ...B n: pages } } } fragment B on Book { title ... on Book { subtitle } }");

        var sql = Assert.Single(server.Sql.Commands);
        Assert.Contains("\"Title\"", sql);
        Assert.Contains("\"Subtitle\"", sql);
        Assert.Contains("\"Pages\"", sql);
        Assert.Equal(864, answer.Data.GetProperty("books").GetProperty("nodes")[0].GetProperty("n").GetInt32());
    }

    [Fact]
    public async Task EdgesNodes_AreProjectedLikeNodes()
    {
        var server = await database.DefaultServerAsync();
        server.Sql.Clear();

        var answer = await server.PostAsync("{ books(first: 1) { edges { cursor node { pages } } } }");

        Assert.Contains("\"Pages\"", Assert.Single(server.Sql.Commands));
        Assert.Equal(864, answer.Data.GetProperty("books").GetProperty("edges")[0].GetProperty("node").GetProperty("pages").GetInt32());
    }

    [Fact]
    public async Task NestedLists_ForEveryParent_CostOneStatement_WhateverTheNumberOfParents()
    {
        var server = await database.DefaultServerAsync();
        server.Sql.Clear();

        var answer = await server.PostAsync(
            "{ shelves { name books(first: 2, order: [{ pages: DESC }]) { nodes { title } pageInfo { hasNextPage endCursor } } } }");

        Assert.Equal(2, server.Sql.Commands.Count); // the shelves, then every shelf's first page in one statement
        var shelves = answer.Data.GetProperty("shelves").EnumerateArray().ToList();
        Assert.Equal(3, shelves.Count);
        Assert.Equal(["Middlemarch", "Anna Karenina"], shelves[0].GetProperty("books").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("title").GetString()));
        Assert.True(shelves[0].GetProperty("books").GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(["Zen and Verse", "100% Poetry"], shelves[1].GetProperty("books").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("title").GetString()));
        Assert.Empty(shelves[2].GetProperty("books").GetProperty("nodes").EnumerateArray());
        Assert.False(shelves[2].GetProperty("books").GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, shelves[2].GetProperty("books").GetProperty("pageInfo").GetProperty("endCursor").ValueKind);
    }

    [Fact]
    public async Task NestedLists_Filter_AndCountPerParent_WithOneMoreStatement()
    {
        var server = await database.DefaultServerAsync();
        server.Sql.Clear();

        var answer = await server.PostAsync(
            "{ shelves { books(first: 1, where: { inPrint: { eq: true } }) { totalCount nodes { title } pageInfo { hasNextPage } } } }");

        var counts = answer.Data.GetProperty("shelves").EnumerateArray().Select(s => s.GetProperty("books").GetProperty("totalCount").GetInt32());
        Assert.Equal([3, 3, 0], counts);
        Assert.Equal(3, server.Sql.Commands.Count);
    }

    [Fact]
    public async Task ANestedPageOfExactlyItsRows_HasNoNextPage()
    {
        var server = await database.DefaultServerAsync();

        var answer = await server.PostAsync("{ shelves { books(first: 4) { nodes { title } pageInfo { hasNextPage hasPreviousPage startCursor } } } }");

        var first = answer.Data.GetProperty("shelves")[0].GetProperty("books");
        Assert.Equal(4, first.GetProperty("nodes").GetArrayLength());
        Assert.False(first.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.False(first.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
        Assert.NotNull(first.GetProperty("pageInfo").GetProperty("startCursor").GetString());
    }

    [Fact]
    public async Task NestedListsWithFirstZero_ReadNothing()
    {
        var server = await database.DefaultServerAsync();
        server.Sql.Clear();

        var answer = await server.PostAsync("{ shelves { books(first: 0) { nodes { title } } } }");

        Assert.Single(server.Sql.Commands);
        Assert.All(answer.Data.GetProperty("shelves").EnumerateArray(), s => Assert.Empty(s.GetProperty("books").GetProperty("nodes").EnumerateArray()));
    }

    [Theory]
    [InlineData("after: \"x\"")]
    [InlineData("last: 1")]
    [InlineData("before: \"x\"")]
    public async Task NestedLists_TakeFirstOnly(string arguments)
    {
        var server = await database.DefaultServerAsync();

        var answer = await server.PostAsync($"{{ shelves {{ books({arguments}) {{ nodes {{ title }} }} }} }}");

        Assert.Equal("PAGING_INVALID_ARGUMENT", answer.FirstCode);
    }

    [Fact]
    public async Task NestedLists_UseTheDefaultPageSize()
    {
        await using var server = await LibraryServer.StartAsync(database, new Dictionary<string, string?> { ["GraphQL:DefaultPageSize"] = "1" });

        var answer = await server.PostAsync("{ shelves { books { nodes { title } } } }");

        Assert.Equal(1, answer.Data.GetProperty("shelves")[0].GetProperty("books").GetProperty("nodes").GetArrayLength());
    }
}
