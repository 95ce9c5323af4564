using System.Text;
using ConnectingNer.GraphQL.Server.Data.Sorting;
using ConnectingNer.GraphQL.Server.Tests.Library;

namespace ConnectingNer.GraphQL.Server.Tests.Data;

/// <summary><c>order:</c> and keyset paging (<c>first/after</c>, <c>last/before</c>) over PostgreSQL.</summary>
[Collection(LibraryCollection.Name)]
public sealed class SortingAndPagingTests(LibraryDatabase database)
{
    private const string Page = "query($o: [BookSortInput!], $first: Int, $after: String, $last: Int, $before: String) { "
        + "books(order: $o, first: $first, after: $after, last: $last, before: $before) { "
        + "nodes { id pages } edges { cursor node { title } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }";

    private async Task<Answer> Books(object? order = null, int? first = null, string? after = null, int? last = null, string? before = null)
    {
        var server = await database.DefaultServerAsync();
        return await server.PostAsync(Page, new { o = order, first, after, last, before });
    }

    private static IReadOnlyList<string> Titles(Answer answer) =>
        [.. answer.Data.GetProperty("books").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("title").GetString()!)];

    private static (bool Next, bool Previous, string? Start, string? End) Info(Answer answer)
    {
        var info = answer.Data.GetProperty("books").GetProperty("pageInfo");
        return (info.GetProperty("hasNextPage").GetBoolean(), info.GetProperty("hasPreviousPage").GetBoolean(),
            info.GetProperty("startCursor").GetString(), info.GetProperty("endCursor").GetString());
    }

    private static string[] ByTitle(params int[] ids) => [.. ids.Select(id => LibraryData.Books().Single(b => b.Id == id).Title)];

    [Fact]
    public async Task WithoutAnOrder_RowsComeByKey_InPagesOfTheDefaultSize()
    {
        await using var server = await LibraryServer.StartAsync(database, new Dictionary<string, string?> { ["GraphQL:DefaultPageSize"] = "3" });

        var answer = await server.PostAsync("{ books { nodes { title } pageInfo { hasNextPage hasPreviousPage } } }");

        Assert.Equal(ByTitle(1, 2, 3), answer.Titles());
        Assert.True(answer.Data.GetProperty("books").GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.False(answer.Data.GetProperty("books").GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
    }

    [Fact]
    public async Task ForwardPages_CoverEveryRowOnce_AndKnowWhenTheyEnd()
    {
        var seen = new List<string>();
        string? after = null;
        var pages = 0;
        while (true)
        {
            var answer = await Books(first: 3, after: after);
            var info = Info(answer);
            seen.AddRange(Titles(answer));
            pages++;
            Assert.Equal(after is not null, info.Previous);
            if (!info.Next) break;
            after = info.End;
        }

        Assert.Equal(3, pages);
        Assert.Equal(ByTitle(1, 2, 3, 4, 5, 6, 7, 8), seen);
    }

    [Fact]
    public async Task BackwardPages_ReadTheEndFirst_InOrder()
    {
        var last = await Books(last: 3);
        var before = await Books(last: 3, before: Info(last).Start);
        var first = await Books(last: 3, before: Info(before).Start);

        Assert.Equal(ByTitle(6, 7, 8), Titles(last));
        Assert.Equal((false, true), (Info(last).Next, Info(last).Previous));
        Assert.Equal(ByTitle(3, 4, 5), Titles(before));
        Assert.Equal((true, true), (Info(before).Next, Info(before).Previous));
        Assert.Equal(ByTitle(1, 2), Titles(first));
        Assert.Equal((true, false), (Info(first).Next, Info(first).Previous));
    }

    [Fact]
    public async Task APageOfExactlyTheRemainingRows_HasNoNextPage()
    {
        var answer = await Books(first: 8);
        var beyond = await Books(first: 3, after: Info(answer).End);

        Assert.Equal(8, Titles(answer).Count);
        Assert.False(Info(answer).Next);
        Assert.Empty(Titles(beyond));
        Assert.Equal((false, true, null, null), Info(beyond));
    }

    [Fact]
    public async Task FirstZero_ReadsNoRows_AndNoSql()
    {
        var server = await database.DefaultServerAsync();
        server.Sql.Clear();

        var answer = await server.PostAsync("{ books(first: 0) { nodes { title } pageInfo { hasNextPage } } }");

        Assert.Empty(answer.Titles());
        Assert.Empty(server.Sql.Commands);
    }

    [Fact]
    public async Task SortingDescending_ThenByKey_AndPagingKeepsTheOrder()
    {
        var order = new object[] { new { priceCents = "DESC" } };
        var first = await Books(order, first: 3);
        var second = await Books(order, first: 3, after: Info(first).End);

        // 1500, 1299 (ids 1 and 8: ties broken by id), 1099, 800, …
        Assert.Equal(ByTitle(6, 1, 8), Titles(first));
        Assert.Equal(ByTitle(2, 7, 5), Titles(second));
    }

    [Fact]
    public async Task SortingByTwoKeys_AndBackwards()
    {
        var order = new object[] { new { rating = "ASC" }, new { title = "DESC" } };

        var all = await Books(order, first: 8);
        var lastTwo = await Books(order, last: 2);
        var beforeThose = await Books(order, last: 2, before: Info(lastTwo).Start);

        Assert.Equal(ByTitle(7, 4, 8, 3, 6, 2, 1, 5), Titles(all));
        Assert.Equal(ByTitle(1, 5), Titles(lastTwo));
        Assert.Equal(ByTitle(6, 2), Titles(beforeThose));
    }

    [Fact]
    public async Task SortingByText_SeeksCorrectlyAfterACursor()
    {
        var order = new object[] { new { title = "ASC" } };
        var first = await Books(order, first: 4);
        var rest = await Books(order, first: 10, after: Info(first).End);

        Assert.Equal(8, Titles(first).Concat(Titles(rest)).Distinct().Count());
        Assert.Equal(Titles(first).Concat(Titles(rest)), Titles(await Books(order, first: 8)));
    }

    [Fact]
    public async Task SortingByANestedObject()
    {
        var answer = await Books(new object[] { new { shelf = new { name = "DESC" } }, new { pages = "ASC" } }, first: 8);

        // Verse (2): 64, 98, 120, 300; Novels (1): 200, 716, 864, 880
        Assert.Equal(ByTitle(4, 5, 3, 8, 7, 6, 1, 2), Titles(answer));
    }

    [Fact]
    public async Task TheKeyAsASortKey_IsNotAddedTwice()
    {
        var answer = await Books(new object[] { new { id = "DESC" } }, first: 2);
        var next = await Books(new object[] { new { id = "DESC" } }, first: 2, after: Info(answer).End);

        Assert.Equal(ByTitle(8, 7), Titles(answer));
        Assert.Equal(ByTitle(6, 5), Titles(next));
    }

    [Fact]
    public async Task ADefaultOrder_AppliesWithoutAnOrderArgument()
    {
        var server = await database.DefaultServerAsync();

        var answer = await server.PostAsync("{ newestBooks(first: 2) { nodes { title } } }");
        var ordered = await server.PostAsync("{ newestBooks(first: 2, order: [{ pages: ASC }]) { nodes { title } } }");

        Assert.Equal(ByTitle(8, 7), answer.Titles("newestBooks"));
        Assert.Equal(ByTitle(4, 5), ordered.Titles("newestBooks"));
    }

    [Fact]
    public async Task UpToTheMostKeys_IsAccepted_OneMoreIsRefused()
    {
        object Keys(int n) => new[] { "title", "pages", "priceCents", "rating", "publishedAt", "id" }.Take(n)
            .Select(k => (object)new Dictionary<string, string> { [k] = "ASC" }).ToArray();

        Assert.False((await Books(Keys(SortKeys.MaxKeys), first: 1)).HasErrors);
        var refused = await Books(Keys(SortKeys.MaxKeys + 1), first: 1);
        Assert.Equal("FILTER_INVALID", refused.FirstCode);
        Assert.Contains($"at most {SortKeys.MaxKeys} keys", refused.Body);
    }

    [Theory]
    [InlineData("[{}]", "names one field and a direction")]
    [InlineData("[{ shelf: null }]", "is sorted by one of its fields")]
    public async Task AnOrderItemWithoutAKey_IsRefused(string order, string message)
    {
        var server = await database.DefaultServerAsync();
        var answer = await server.PostAsync($"{{ books(order: {order}) {{ nodes {{ title }} }} }}");

        Assert.Equal("FILTER_INVALID", answer.FirstCode);
        Assert.Contains(message, answer.Body);
    }

    [Fact]
    public async Task AnOrderItemWithANullDirection_AddsNoKey()
    {
        var server = await database.DefaultServerAsync();
        var answer = await server.PostAsync("{ books(order: [{ title: null }], first: 2) { nodes { title } } }");

        Assert.Equal(ByTitle(1, 2), answer.Titles());
    }

    public static TheoryData<string, string> InvalidPaging => new()
    {
        { "first: 1, last: 1", "either 'first' or 'last'" },
        { "first: -1", "cannot be negative" },
        { "last: -1", "cannot be negative" },
        { "first: 51", "at most 50" },
        { "last: 51", "at most 50" },
        { "last: 1, after: \"x\"", "use it with 'before'" },
        { "first: 1, before: \"x\"", "use it with 'after'" },
    };

    [Theory]
    [MemberData(nameof(InvalidPaging))]
    public async Task ImpossiblePagingArguments_AreRefused(string arguments, string message)
    {
        var server = await database.DefaultServerAsync();
        var answer = await server.PostAsync($"{{ books({arguments}) {{ nodes {{ title }} }} }}");

        Assert.Equal("PAGING_INVALID_ARGUMENT", answer.FirstCode);
        Assert.Contains(message, answer.Body);
    }

    [Fact]
    public async Task TheLargestPage_IsAccepted()
    {
        var answer = await Books(first: 50);
        var backwards = await Books(last: 50);

        Assert.Equal(8, Titles(answer).Count);
        Assert.Equal(8, Titles(backwards).Count);
    }

    public static TheoryData<string> ForgedCursors => new()
    {
        "not base64!",
        Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"a\":1}")),
        Convert.ToBase64String(Encoding.UTF8.GetBytes("[1,2]")),
        Convert.ToBase64String(Encoding.UTF8.GetBytes("[\"text\"]")),
        Convert.ToBase64String(Encoding.UTF8.GetBytes("[null]")),
        Convert.ToBase64String(Encoding.UTF8.GetBytes("[1")),
        Convert.ToBase64String(Encoding.UTF8.GetBytes(new string('[', 70) + "1" + new string(']', 70))),
    };

    [Theory]
    [MemberData(nameof(ForgedCursors))]
    public async Task AForgedCursor_IsRefused(string cursor)
    {
        var after = await Books(first: 2, after: cursor);
        var before = await Books(last: 2, before: cursor);

        Assert.Equal("PAGING_INVALID_CURSOR", after.FirstCode);
        Assert.Equal("PAGING_INVALID_CURSOR", before.FirstCode);
    }

    [Fact]
    public async Task ACursorOfAnotherOrder_IsRefused()
    {
        var byPrice = await Books(new object[] { new { priceCents = "ASC" } }, first: 1);

        var wrong = await Books(first: 1, after: Info(byPrice).End);

        Assert.Equal("PAGING_INVALID_CURSOR", wrong.FirstCode);
    }

    [Fact]
    public async Task ALongForgedCursor_IsShortenedInTheMessage()
    {
        var cursor = new string('A', 100) + "!";
        var answer = await Books(first: 1, after: cursor);

        Assert.Contains(cursor[..40] + "…", answer.Body);
        Assert.DoesNotContain(cursor, answer.Body);
    }

    [Fact]
    public async Task TotalCount_CountsTheFilteredRows_AndIsQueriedOnlyWhenSelected()
    {
        var server = await database.DefaultServerAsync();
        server.Sql.Clear();
        var withCount = await server.PostAsync("{ books(first: 2, where: { genre: { eq: POETRY } }) { totalCount nodes { title } } }");
        var countQueries = server.Sql.Commands.Count;
        server.Sql.Clear();
        await server.PostAsync("{ books(first: 2, where: { genre: { eq: POETRY } }) { nodes { title } } }");

        Assert.Equal(4, withCount.Data.GetProperty("books").GetProperty("totalCount").GetInt32());
        Assert.Equal(2, countQueries);
        Assert.Single(server.Sql.Commands);
    }
}
