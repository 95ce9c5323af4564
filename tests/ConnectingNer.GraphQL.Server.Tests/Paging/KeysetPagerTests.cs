using System.Linq.Expressions;
using ConnectingNer.GraphQL.Server.Data.Sorting;
using ConnectingNer.GraphQL.Server.Errors;
using ConnectingNer.GraphQL.Server.Paging;

namespace ConnectingNer.GraphQL.Server.Tests.Paging;

/// <summary>The paging algorithm over LINQ to Objects; the integration tests run it against PostgreSQL.</summary>
public sealed class KeysetPagerTests
{
    private sealed record Row(int Id);

    private static readonly IQueryable<Row> Rows = Enumerable.Range(1, 7).Select(i => new Row(i * 10)).Reverse().AsQueryable();

    private static Task<Connection<Row>> Page(int? first = null, string? after = null, int? last = null, string? before = null) =>
        KeysetPager.PageAsync(Rows, [new SortKey((Expression<Func<Row, int>>)(r => r.Id), false)], null,
            new PagingArguments(first, after, last, before), 3, new AsyncEnumerableQueryExecutor(), CancellationToken.None);

    [Fact]
    public async Task Page_WhenNoArguments_ReturnsDefaultSizeInKeyOrder()
    {
        var page = await Page();

        Assert.Equal([10, 20, 30], page.Nodes.Select(r => r.Id));
        Assert.True(page.PageInfo.HasNextPage);
        Assert.False(page.PageInfo.HasPreviousPage);
    }

    [Fact]
    public async Task Page_WhenAfterCursor_ContinuesAfterIt()
    {
        var first = await Page(first: 3);

        var second = await Page(first: 10, after: first.PageInfo.EndCursor);

        Assert.Equal([40, 50, 60, 70], second.Nodes.Select(r => r.Id));
        Assert.False(second.PageInfo.HasNextPage);
        Assert.True(second.PageInfo.HasPreviousPage);
        Assert.Equal(7, await second.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Page_WhenLastBeforeCursor_ReturnsRowsJustBeforeInOrder()
    {
        var all = await Page(first: 7);
        var sixth = all.Edges[5].Cursor;

        var page = await Page(last: 2, before: sixth);

        Assert.Equal([40, 50], page.Nodes.Select(r => r.Id));
        Assert.True(page.PageInfo.HasPreviousPage);
        Assert.True(page.PageInfo.HasNextPage);
    }

    [Fact]
    public async Task PageInfo_Cursors_AreTheFirstAndLastEdges()
    {
        var page = await Page(first: 3);

        Assert.Equal(page.Edges[0].Cursor, page.PageInfo.StartCursor);
        Assert.Equal(page.Edges[2].Cursor, page.PageInfo.EndCursor);
        Assert.NotEqual(page.PageInfo.StartCursor, page.PageInfo.EndCursor);
    }

    [Fact]
    public void PageInfo_ReadsNoCursor_UntilOneIsAskedFor()
    {
        var first = new CountingEdge("a");
        var last = new CountingEdge("b");

        var info = new PageInfo(true, false, first, last);

        Assert.Equal((0, 0), (first.Reads, last.Reads));
        Assert.Equal("b", info.EndCursor);
        Assert.Equal((0, 1), (first.Reads, last.Reads));
        Assert.Equal("a", info.StartCursor);
        Assert.Equal((1, 1), (first.Reads, last.Reads));
    }

    private sealed class CountingEdge(string cursor) : IEdge
    {
        public int Reads { get; private set; }

        public string Cursor
        {
            get
            {
                Reads++;
                return cursor;
            }
        }
    }

    [Fact]
    public async Task Page_WhenFirstIsZero_ReturnsNoEdges()
    {
        var page = await Page(first: 0);

        Assert.Empty(page.Edges);
        Assert.Null(page.PageInfo.EndCursor);
    }

    [Theory]
    [InlineData("%%%")]
    [InlineData("WyJ4Il0=")] // ["x"]: not an int key
    [InlineData("WzEsMl0=")] // [1,2]: a cursor of another order
    [InlineData("W10=")]     // []
    public async Task Page_WhenCursorMalformed_ThrowsCodedError(string cursor)
    {
        var error = await Assert.ThrowsAsync<CodedError>(() => Page(first: 2, after: cursor));

        Assert.Equal(ErrorCodes.InvalidCursor, error.Code);
    }

    [Theory]
    [InlineData(1, null, 1, null)]
    [InlineData(-1, null, null, null)]
    [InlineData(51, null, null, null)]
    [InlineData(null, null, -2, null)]
    [InlineData(null, "x", 2, null)]
    [InlineData(2, null, null, "x")]
    public void Validate_WhenCombinationImpossible_ThrowsCodedError(int? first, string? after, int? last, string? before)
    {
        var error = Assert.Throws<CodedError>(() => new PagingArguments(first, after, last, before).Validate(50));

        Assert.Equal(ErrorCodes.InvalidPagingArgument, error.Code);
    }
}
