using System.Text.Json.Nodes;

namespace ConnectingNer.Api.Tests.Persistence;

/// <summary>
/// A page's size is written into its statement's text (PageSizeLiterals), and a statement's rewritten text is kept
/// per size: each size reads its own number of rows, however the sizes alternate.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PageSizeLiteralsTests(ApiFixture fixture)
{
    [Fact]
    public async Task AlternatingPageSizes_EachReadTheirOwnLimit()
    {
        await fixture.ResetAsync();
        var client = fixture.Client();
        // An order no other test asks for, so this statement's text is this test's alone.
        const string Query = "query($first: Int) { products(first: $first, order: [{ name: DESC }, { stock: ASC }]) { nodes { sku } } }";

        var counts = new List<int>();
        fixture.Sql.Reset();
        foreach (var size in new[] { 2, 4, 2, 4, 3, 2 })
        {
            var answer = (await client.PostAsync(Query, new { first = size })).EnsureNoErrors();
            counts.Add(answer.Data!["products"]!["nodes"]!.AsArray().Count);
        }

        Assert.Equal([2, 4, 2, 4, 3, 2], counts);
        var pages = fixture.Sql.Commands.Where(c => c.Contains("ORDER BY p.name DESC", StringComparison.Ordinal)).ToList();
        Assert.Equal(["LIMIT 3", "LIMIT 5", "LIMIT 3", "LIMIT 5", "LIMIT 4", "LIMIT 3"], pages.Select(Limit));
        Assert.All(pages, c => Assert.DoesNotContain("@PageSizeInSql", c, StringComparison.Ordinal));
    }

    private static string Limit(string sql)
    {
        var at = sql.LastIndexOf("LIMIT ", StringComparison.Ordinal);
        return sql[at..].Split('\n', ' ', ';', ')').Take(2).Aggregate((a, b) => a + " " + b);
    }
}
