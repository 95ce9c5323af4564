using ConnectingNer.GraphQL.Server.Data.Filtering;
using ConnectingNer.GraphQL.Server.Tests.Library;

namespace ConnectingNer.GraphQL.Server.Tests.Data;

/// <summary><c>where:</c> over PostgreSQL: every operator, the LIKE escaping, the limits.</summary>
[Collection(LibraryCollection.Name)]
public sealed class FilteringTests(LibraryDatabase database)
{
    private static readonly Dictionary<string, int> IdOf = LibraryData.Books().ToDictionary(b => b.Title, b => b.Id);

    private async Task<Answer> Filter(object where)
    {
        var server = await database.DefaultServerAsync();
        return await server.PostAsync("query($w: BookFilterInput) { books(where: $w, first: 50) { nodes { title } } }", new { w = where });
    }

    private async Task<int[]> Ids(object where)
    {
        var answer = await Filter(where);
        Assert.False(answer.HasErrors, answer.Body);
        return [.. answer.Titles().Select(t => IdOf[t]).Order()];
    }

    public static TheoryData<string, object, int[]> Cases => new()
    {
        { "eq", new { title = new { eq = "Middlemarch" } }, [2] },
        { "eq is exact", new { title = new { eq = "middlemarch" } }, [] },
        { "neq", new { genre = new { neq = "POETRY" } }, [1, 2, 6, 7] },
        { "in", new { id = new { @in = new[] { 1, 3, 99 } } }, [1, 3] },
        { "nin", new { id = new { nin = new[] { 1, 2, 3, 4, 5, 6 } } }, [7, 8] },
        { "contains ignores case", new { title = new { contains = "ANNA" } }, [1, 7] },
        { "ncontains", new { title = new { ncontains = "a" } }, [3, 6] },
        { "startsWith", new { title = new { startsWith = "the" } }, [6] },
        { "nstartsWith", new { title = new { nstartsWith = "a" } }, [2, 3, 4, 5, 6, 8] },
        { "endsWith", new { title = new { endsWith = "VERSE" } }, [8] },
        { "nendsWith", new { title = new { nendsWith = "s" } }, [1, 2, 3, 7, 8] },
        { "contains %", new { title = new { contains = "0%" } }, [3] },
        { "a lone % matches only a percent sign", new { title = new { contains = "%" } }, [3] },
        { "contains _", new { title = new { contains = "_" } }, [4] },
        { "_ is not a wildcard", new { title = new { contains = "e_c" } }, [4] },
        { "contains \\", new { title = new { contains = "\\" } }, [5] },
        { "startsWith with a backslash", new { title = new { startsWith = "back\\s" } }, [5] },
        { "endsWith %", new { title = new { endsWith = "%" } }, [] },
        { "gt", new { pages = new { gt = 716 } }, [1, 2] },
        { "gte", new { pages = new { gte = 716 } }, [1, 2, 6] },
        { "lt", new { pages = new { lt = 98 } }, [4] },
        { "lte", new { pages = new { lte = 98 } }, [4, 5] },
        { "ngt", new { pages = new { ngt = 300 } }, [3, 4, 5, 7, 8] },
        { "ngte", new { pages = new { ngte = 300 } }, [3, 4, 5, 7] },
        { "nlt", new { pages = new { nlt = 300 } }, [1, 2, 6, 8] },
        { "nlte", new { pages = new { nlte = 300 } }, [1, 2, 6] },
        { "long", new { priceCents = new { eq = 1299 } }, [1, 8] },
        { "decimal", new { rating = new { gte = 4.5 } }, [1, 5] },
        { "date", new { publishedAt = new { gte = "2020-02-10T00:00:00Z", lt = "2020-03-01T00:00:00Z" } }, [5, 6] },
        { "date gt", new { publishedAt = new { gt = "2020-02-10T00:00:00Z" } }, [6, 7, 8] },
        { "boolean", new { inPrint = new { eq = false } }, [3, 6] },
        { "boolean neq", new { inPrint = new { neq = true } }, [3, 6] },
        { "enum in", new { genre = new { @in = new[] { "HISTORY", "FICTION" } } }, [1, 2, 6, 7] },
        { "nullable eq null", new { subtitle = new { eq = (string?)null } }, [1, 3, 4, 6, 7, 8] },
        { "nullable neq null", new { subtitle = new { neq = (string?)null } }, [2, 5] },
        { "two operators are both required", new { pages = new { gt = 100, lt = 300 } }, [3, 7] },
        { "two fields are both required", new { genre = new { eq = "POETRY" }, inPrint = new { eq = true } }, [4, 5, 8] },
        { "and", new { and = new object[] { new { genre = new { eq = "FICTION" } }, new { pages = new { lt = 870 } } } }, [1, 7] },
        { "or", new { or = new object[] { new { id = new { eq = 1 } }, new { id = new { eq = 8 } } } }, [1, 8] },
        { "empty or matches nothing", new { or = Array.Empty<object>() }, [] },
        { "empty and matches everything", new { and = Array.Empty<object>() }, [1, 2, 3, 4, 5, 6, 7, 8] },
        { "operator-level or", new { pages = new { or = new object[] { new { lt = 70 }, new { gt = 870 } } } }, [2, 4] },
        { "operator-level and", new { pages = new { and = new object[] { new { gt = 100 }, new { lt = 200 } } } }, [3] },
        { "nested object", new { shelf = new { name = new { eq = "Verse" } } }, [3, 4, 5, 8] },
        { "list some", new { tags = new { some = new { eq = "classic" } } }, [1, 2, 5, 6] },
        { "list none", new { tags = new { none = new { eq = "classic" } } }, [3, 4, 7, 8] },
        { "list all", new { tags = new { all = new { startsWith = "c" } } }, [2, 4] },
        { "list any true", new { tags = new { any = true } }, [1, 2, 3, 5, 6, 7, 8] },
        { "list any false", new { tags = new { any = false } }, [4] },
        { "list some and any", new { tags = new { some = new { eq = "greek" }, any = true } }, [6] },
        { "empty filter", new { }, [1, 2, 3, 4, 5, 6, 7, 8] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AnOperator_SelectsExactlyTheMatchingRows(string name, object where, int[] expected)
    {
        Assert.NotNull(name);
        Assert.Equal(expected, await Ids(where));
    }

    [Fact]
    public async Task NoWhere_MeansEveryRow()
    {
        var server = await database.DefaultServerAsync();
        var answer = await server.PostAsync("{ books(first: 50) { nodes { title } } }");

        Assert.Equal(8, answer.Titles().Count);
    }

    [Fact]
    public async Task NestingUpToTheLimit_IsAccepted_OneLevelMoreIsRefused()
    {
        static object Nest(int levels) => levels == 0 ? new { id = new { eq = 1 } } : new { and = new[] { Nest(levels - 1) } };

        Assert.Equal(new[] { 1 }, await Ids(Nest(FilterExpressionBuilder.MaxDepth - 1)));
        var tooDeep = await Filter(Nest(FilterExpressionBuilder.MaxDepth));
        Assert.Equal("FILTER_TOO_DEEP", tooDeep.FirstCode);
    }

    [Fact]
    public async Task OperatorNesting_CountsTowardsTheDepthToo()
    {
        static object Nest(int levels) => levels == 0 ? new { eq = 1 } : new { or = new[] { Nest(levels - 1) } };

        Assert.Equal(new[] { 1 }, await Ids(new { id = Nest(FilterExpressionBuilder.MaxDepth - 1) }));
        Assert.Equal("FILTER_TOO_DEEP", (await Filter(new { id = Nest(FilterExpressionBuilder.MaxDepth) })).FirstCode);
    }

    [Fact]
    public async Task AnInListOfTheLimit_IsAccepted_OneMoreIsRefused()
    {
        var atLimit = Enumerable.Range(1, FilterExpressionBuilder.MaxInValues).ToArray();
        var overLimit = Enumerable.Range(1, FilterExpressionBuilder.MaxInValues + 1).ToArray();

        Assert.Equal(8, (await Ids(new { id = new { @in = atLimit } })).Length);
        var refused = await Filter(new { id = new { nin = overLimit } });
        Assert.Equal("FILTER_IN_TOO_LARGE", refused.FirstCode);
        Assert.Contains($"at most {FilterExpressionBuilder.MaxInValues} values", refused.Body);
    }

    [Theory]
    [InlineData("{ title: { contains: null } }", "Text operators need a string")]
    [InlineData("{ pages: { gt: null } }", "Comparisons need a value")]
    [InlineData("{ title: null }", "needs conditions, not null")]
    [InlineData("{ tags: { any: null } }", "'any' takes true or false")]
    public async Task NullWhereAValueIsNeeded_IsAFilterError(string where, string message)
    {
        var server = await database.DefaultServerAsync();
        var answer = await server.PostAsync($"{{ books(where: {where}) {{ nodes {{ title }} }} }}");

        Assert.Equal("FILTER_INVALID", answer.FirstCode);
        Assert.Contains(message, answer.Body);
    }

    [Fact]
    public async Task ConditionsAreSentAsParameters_NotAsSqlText()
    {
        var server = await database.DefaultServerAsync();
        server.Sql.Clear();

        await server.PostAsync("{ books(where: { title: { eq: \"Robert'); DROP TABLE books;--\" } }) { nodes { title } } }");

        Assert.DoesNotContain(server.Sql.Commands, c => c.Contains("DROP TABLE", StringComparison.Ordinal));
        Assert.Contains(server.Sql.Commands, c => c.Contains('@') || c.Contains('$'));
    }

    [Fact]
    public void TheBuilder_IgnoresAnEmptyWhere()
    {
        var builder = new FilterExpressionBuilder(new LowerCaseStringMatcher());
        var type = new BookFilterInputType();

        Assert.Null(builder.Build<Book>(type, null));
        Assert.Null(builder.Build<Book>(type, new Dictionary<string, object?>()));
    }

    [Fact]
    public void TheBuilder_RefusesWhatTheTypeDoesNotDeclare()
    {
        var builder = new FilterExpressionBuilder(new LowerCaseStringMatcher());

        var unknown = Assert.Throws<ConnectingNer.GraphQL.Server.Errors.CodedError>(() => builder.Build<Book>(new BookFilterInputType(),
            new Dictionary<string, object?> { ["shelfId"] = new Dictionary<string, object?> { ["eq"] = 1 } }));
        var badOperator = Assert.Throws<ConnectingNer.GraphQL.Server.Errors.CodedError>(() => builder.Build<Book>(new BookFilterInputType(),
            new Dictionary<string, object?> { ["pages"] = new Dictionary<string, object?> { ["like"] = 1 } }));
        var badList = Assert.Throws<ConnectingNer.GraphQL.Server.Errors.CodedError>(() => builder.Build<Book>(new BookFilterInputType(),
            new Dictionary<string, object?> { ["tags"] = new Dictionary<string, object?> { ["most"] = new Dictionary<string, object?>() } }));
        var notAMap = Assert.Throws<ConnectingNer.GraphQL.Server.Errors.CodedError>(() => builder.Build<Book>(new BookFilterInputType(),
            new Dictionary<string, object?> { ["pages"] = 5 }));
        var badValue = Assert.Throws<ConnectingNer.GraphQL.Server.Errors.CodedError>(() => builder.Build<Book>(new BookFilterInputType(),
            new Dictionary<string, object?> { ["pages"] = new Dictionary<string, object?> { ["eq"] = "many" } }));

        Assert.Equal(("FILTER_INVALID", "'shelfId' cannot be filtered on."), (unknown.Code, unknown.Message));
        Assert.Equal(("FILTER_INVALID", "'like' is not an operator."), (badOperator.Code, badOperator.Message));
        Assert.Equal(("FILTER_INVALID", "'most' is not a list operator."), (badList.Code, badList.Message));
        Assert.Equal(("FILTER_INVALID", "Expected an object of conditions."), (notAMap.Code, notAMap.Message));
        Assert.Equal(("FILTER_INVALID", "'many' is not a valid Int32."), (badValue.Code, badValue.Message));
    }

    [Fact]
    public void TextComparisons_CompareOrdinally_WhereATypeOffersThem()
    {
        // The schema's string operators have no gt/lt; a type that builds its own conditions still gets text comparison.
        var builder = new FilterExpressionBuilder(new LowerCaseStringMatcher());
        var books = LibraryData.Books().AsQueryable();
        int[] Run(string op, string value) => [.. builder.Apply(books, new BookFilterInputType(),
            new Dictionary<string, object?> { ["title"] = new Dictionary<string, object?> { [op] = value } }).Select(b => b.Id).Order()];

        Assert.Equal([4, 6, 7, 8], Run("gt", "The"));
        Assert.Equal([4, 7, 8], Run("gt", "The Histories"));
        Assert.Equal([1, 3], Run("lte", "Anna Karenina"));
        Assert.Equal([3], Run("lt", "Anna Karenina"));
        Assert.Equal(new[] { 1, 2, 3, 4, 5, 6, 7, 8 }.Except(Run("lt", "Middlemarch")).Order(), Run("gte", "Middlemarch"));
    }

    [Fact]
    public void TheInMemoryMatcher_EscapesLikeTheDatabase()
    {
        Assert.True(LowerCaseStringMatcher.IsLike("100% Poetry", "%0\\%%"));
        Assert.False(LowerCaseStringMatcher.IsLike("1000 Poems", "%0\\%%"));
        Assert.True(LowerCaseStringMatcher.IsLike("snake_case", "snake\\_%"));
        Assert.False(LowerCaseStringMatcher.IsLike("snakeXcase", "snake\\_%"));
        Assert.True(LowerCaseStringMatcher.IsLike(@"back\slash", "%\\\\%"));
        Assert.False(LowerCaseStringMatcher.IsLike("ANNA", "anna"));
        Assert.False(LowerCaseStringMatcher.IsLike(null, "%"));
        Assert.True(LowerCaseStringMatcher.IsLike("a\nb", "a%b"));
        var ignoresCase = System.Linq.Expressions.Expression.Lambda<Func<bool>>(new LowerCaseStringMatcher().Like(
            System.Linq.Expressions.Expression.Constant("ANNA K"), System.Linq.Expressions.Expression.Constant("an%K"))).Compile();
        Assert.True(ignoresCase());
    }
}
