using ConnectingNer.GraphQL.Server.Data.Filtering;
using ConnectingNer.GraphQL.Server.Paging;
using ConnectingNer.GraphQL.Server.Tests.Library;
using ConnectingNer.GraphQL.Server.Transport;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.GraphQL.Server.Tests.Data;

[Collection(LibraryCollection.Name)]
public sealed class DataDetailTests(LibraryDatabase database)
{
    private async Task<Answer> Filter(object where) =>
        await (await database.DefaultServerAsync()).PostAsync("query($w: BookFilterInput) { books(where: $w, first: 50) { nodes { id } } }", new { w = where });

    private static int Count(Answer answer) => answer.Data.GetProperty("books").GetProperty("nodes").GetArrayLength();

    public static TheoryData<string, object, int> EmptyConditions => new()
    {
        { "nested object without conditions", new { shelf = new { } }, 8 },
        { "list without conditions", new { tags = new { } }, 8 },
        { "scalar without operators", new { pages = new { } }, 8 },
        { "operator-level and of nothing", new { pages = new { and = Array.Empty<object>() } }, 8 },
        { "operator-level or of nothing", new { pages = new { or = Array.Empty<object>() } }, 0 },
    };

    [Theory]
    [MemberData(nameof(EmptyConditions))]
    public async Task EmptyConditions_MatchAsTheirNeutralElement(string name, object where, int expected)
    {
        Assert.NotNull(name);
        var answer = await Filter(where);
        Assert.False(answer.HasErrors, answer.Body);
        Assert.Equal(expected, Count(answer));
    }

    [Fact]
    public async Task OrNesting_CountsTowardsTheDepth_AsAndDoes_EvenWithNoConditionAtTheBottom()
    {
        static object Nest(int levels) => levels == 0 ? new { or = Array.Empty<object>() } : new { or = new[] { Nest(levels - 1) } };

        var atLimit = await Filter(Nest(FilterExpressionBuilder.MaxDepth - 1));
        var over = await Filter(Nest(FilterExpressionBuilder.MaxDepth));

        Assert.False(atLimit.HasErrors, atLimit.Body);
        Assert.Equal("FILTER_TOO_DEEP", over.FirstCode);
        Assert.Equal($"Filters nest at most {FilterExpressionBuilder.MaxDepth} levels deep.", over.Json.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task NestedObjectsAndListPredicates_CountTowardsTheDepth()
    {
        static object Ors(int levels, object bottom) => levels == 0 ? bottom : new { or = new[] { Ors(levels - 1, bottom) } };

        var viaShelf = await Filter(Ors(FilterExpressionBuilder.MaxDepth - 2, new { shelf = new { name = new { eq = "Verse" } } }));
        var viaShelfOver = await Filter(Ors(FilterExpressionBuilder.MaxDepth - 1, new { shelf = new { name = new { eq = "Verse" } } }));
        var viaTags = await Filter(Ors(FilterExpressionBuilder.MaxDepth - 2, new { tags = new { some = new { eq = "zen" } } }));
        var viaTagsOver = await Filter(Ors(FilterExpressionBuilder.MaxDepth - 1, new { tags = new { some = new { eq = "zen" } } }));

        Assert.Equal(4, Count(viaShelf));
        Assert.Equal("FILTER_TOO_DEEP", viaShelfOver.FirstCode);
        Assert.Equal(1, Count(viaTags));
        Assert.Equal("FILTER_TOO_DEEP", viaTagsOver.FirstCode);
    }

    [Fact]
    public void LikePatterns_AreAnchored_AndEscapesAndWildcardsWork()
    {
        Assert.False(LowerCaseStringMatcher.IsLike("xanna", "anna"));
        Assert.False(LowerCaseStringMatcher.IsLike("annax", "anna"));
        Assert.True(LowerCaseStringMatcher.IsLike("snakeXcase", "snake_case"));
        Assert.False(LowerCaseStringMatcher.IsLike("snakecase", "snake_case"));
        Assert.True(LowerCaseStringMatcher.IsLike("abc\\", "abc\\"));
        Assert.True(LowerCaseStringMatcher.IsLike("a.c", "a.c"));
        Assert.False(LowerCaseStringMatcher.IsLike("abc", "a.c"));
    }

    [Theory]
    [InlineData("application/json, application/graphql-response+json", "application/json")]
    [InlineData("application/graphql-response+json, application/json", "application/graphql-response+json")]
    [InlineData("application/json; foo", "application/json")]
    public void EqualQualities_KeepTheFirst_AndBareParametersAreIgnored(string accept, string expected) =>
        Assert.Equal(expected, MediaTypes.Negotiate(accept));

    [Theory]
    [InlineData("application/graphql+json", true, true)]
    [InlineData("application/json; charset", true, true)]
    [InlineData("application/json; boundary=x", true, true)]
    public void OtherJsonContentTypes(string contentType, bool isJson, bool charsetOk)
    {
        Assert.Equal(isJson, MediaTypes.IsJsonContent(contentType, out var charset));
        Assert.Equal(charsetOk, charset);
    }

    [Fact]
    public async Task NestedLists_CheckTheirPageSize()
    {
        var server = await database.DefaultServerAsync();

        var tooMany = await server.PostAsync("{ shelves { books(first: 51) { nodes { title } } } }");
        var negative = await server.PostAsync("{ shelves { books(first: -1) { nodes { title } } } }");
        var afterMessage = await server.PostAsync("{ shelves { books(after: \"x\") { nodes { title } } } }");

        Assert.Equal("PAGING_INVALID_ARGUMENT", tooMany.FirstCode);
        Assert.Equal("PAGING_INVALID_ARGUMENT", negative.FirstCode);
        Assert.Equal("A nested list takes 'first' only; page further through the top-level field.",
            afterMessage.Json.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task LastZero_IsAnEmptyPage()
    {
        var answer = await (await database.DefaultServerAsync()).PostAsync("{ books(last: 0) { nodes { title } } }");

        Assert.False(answer.HasErrors, answer.Body);
        Assert.Empty(answer.Titles());
    }

    [Fact]
    public async Task AnEmptyNestedPage_HasNeitherNextNorPreviousPage()
    {
        var answer = await (await database.DefaultServerAsync()).PostAsync("{ shelves { books(first: 3) { pageInfo { hasNextPage hasPreviousPage startCursor } } } }");

        var empty = answer.Data.GetProperty("shelves")[2].GetProperty("books").GetProperty("pageInfo");
        Assert.False(empty.GetProperty("hasNextPage").GetBoolean());
        Assert.False(empty.GetProperty("hasPreviousPage").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, empty.GetProperty("startCursor").ValueKind);
    }

    [Fact]
    public async Task TheKey_IsReadEvenWhenNotSelected_AndTypenameNeedsNoColumn()
    {
        var answer = await (await database.DefaultServerAsync()).PostAsync("{ books(first: 2) { nodes { __typename idText } } }");

        Assert.Equal(["1", "2"], answer.Titles(property: "idText"));
        Assert.Equal(["Book", "Book"], answer.Titles(property: "__typename"));
    }

    [Fact]
    public async Task ACursorOfFortyCharacters_IsQuotedWhole()
    {
        var cursor = new string('A', 39) + "!";
        var answer = await (await database.DefaultServerAsync()).PostAsync("query($a: String) { books(first: 1, after: $a) { nodes { title } } }", new { a = cursor });

        Assert.Equal($"The cursor '{cursor}' is not valid for this list and order.", answer.Json.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task TheInMemoryExecutor_RunsPlainQueries()
    {
        var executor = new AsyncEnumerableQueryExecutor();
        var books = LibraryData.Books().AsQueryable();

        Assert.Equal(8, (await executor.ToListAsync(books, default)).Count);
        Assert.Equal(3, await executor.CountAsync(books.Where(b => b.Pages > 700), default));
        await using var db = new LibraryDb(new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<LibraryDb>()
            .UseNpgsql(database.ConnectionString).Options);
        Assert.Equal(8, (await executor.ToListAsync(db.Books, default)).Count);
    }
}
