using ConnectingNer.GraphQL.Server.Data;
using ConnectingNer.GraphQL.Server.Relay;
using ConnectingNer.GraphQL.Server.Tests.Library;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace ConnectingNer.GraphQL.Server.Tests.Data;

/// <summary>
/// A repeated operation reuses its fields' plans (sort keys, projection, row selector) and each request still gets its
/// own answer: the plan of one order is never the plan of another, and values (filters, cursors, sizes) are never in one.
/// </summary>
[Collection(LibraryCollection.Name)]
public sealed class FieldPlanTests(LibraryDatabase database)
{
    private const string Page = "query($o: [BookSortInput!], $w: BookFilterInput, $first: Int, $after: String) { "
        + "books(order: $o, where: $w, first: $first, after: $after) { nodes { title } pageInfo { endCursor } } }";

    private static string[] ByTitle(IEnumerable<int> ids) => [.. ids.Select(id => LibraryData.Books().Single(b => b.Id == id).Title)];

    [Fact]
    public async Task OneDocument_SentWithOtherOrdersFiltersCursorsAndSizes_AnswersEachAsItsOwn()
    {
        var server = await database.DefaultServerAsync();
        var books = LibraryData.Books();
        var thickestFirst = books.OrderByDescending(b => b.Pages).ThenBy(b => b.Id).Select(b => b.Id).ToList();

        // Every request sends the same text, so the transport reuses the parsed document and the field its plans.
        foreach (var round in Enumerable.Range(0, 2))
        {
            Assert.Equal(ByTitle(books.OrderBy(b => b.Id).Take(3).Select(b => b.Id)),
                (await server.PostAsync(Page, new { first = 3 })).Titles());
            var descending = await server.PostAsync(Page, new { o = new[] { new { pages = "DESC" } }, first = 2 });
            Assert.Equal(ByTitle(thickestFirst.Take(2)), descending.Titles());
            var next = await server.PostAsync(Page, new
            {
                o = new[] { new { pages = "DESC" } }, first = 4,
                after = descending.Data.GetProperty("books").GetProperty("pageInfo").GetProperty("endCursor").GetString(),
            });
            Assert.Equal(ByTitle(thickestFirst.Skip(2).Take(4)), next.Titles());
            Assert.Equal(ByTitle(books.OrderBy(b => b.Id).Take(5).Select(b => b.Id)),
                (await server.PostAsync(Page, new { o = (object?)null, first = 5 })).Titles());
            var thick = books.Where(b => b.Pages > 300).OrderBy(b => b.Id).Select(b => b.Id);
            Assert.Equal(ByTitle(thick), (await server.PostAsync(Page, new { w = new { pages = new { gt = 300 } }, first = 50 })).Titles());
            var thin = books.Where(b => b.Pages <= 300).OrderBy(b => b.Id).Select(b => b.Id);
            Assert.Equal(ByTitle(thin), (await server.PostAsync(Page, new { w = new { pages = new { lte = 300 } }, first = 50 })).Titles());
        }
    }

    [Fact]
    public async Task OneSelectionSet_OverObjectsOfTwoTypes_AnswersEachWithItsOwnFields_EveryTime()
    {
        var server = await database.DefaultServerAsync();
        const string Query = "query($ids: [ID!]!) { nodes(ids: $ids) { __typename ... on Book { title } ... on Shelf { name } } }";
        var ids = new[] { GlobalId.Encode("Book", "2"), GlobalId.Encode("Shelf", "1"), GlobalId.Encode("Book", "3") };

        for (var round = 0; round < 3; round++)
        {
            var nodes = (await server.PostAsync(Query, new { ids })).Data.GetProperty("nodes");
            Assert.Equal(["title", "__typename"], Names(nodes[0]).Order(StringComparer.Ordinal).Reverse());
            Assert.Equal(["name", "__typename"], Names(nodes[1]).Order(StringComparer.Ordinal).Reverse());
            Assert.Equal(LibraryData.Books().Single(b => b.Id == 3).Title, nodes[2].GetProperty("title").GetString());
        }

        static IEnumerable<string> Names(System.Text.Json.JsonElement item) => item.EnumerateObject().Select(p => p.Name);
    }

    [Fact]
    public async Task FieldsThatDirectivesIncludeBySomeVariable_AreCollectedForEachRequest()
    {
        var server = await database.DefaultServerAsync();
        const string Query = "query($withPages: Boolean!) { books(first: 2) { nodes { title pages @include(if: $withPages) } } }";

        foreach (var withPages in new[] { true, false, true, false })
        {
            var first = (await server.PostAsync(Query, new { withPages })).Data.GetProperty("books").GetProperty("nodes")[0];
            Assert.Equal(withPages, first.TryGetProperty("pages", out _));
            Assert.True(first.TryGetProperty("title", out _));
        }
    }

    private static ResolveFieldContext Field(GraphQLField node, FieldType definition) => new() { FieldAst = node, FieldDefinition = definition };

    [Fact]
    public void APlan_IsBuiltOncePerFieldNodeDefinitionAndVariant()
    {
        var node = new GraphQLField(new GraphQLName("books"));
        var definition = new FieldType { Name = "books" };
        var builds = 0;
        object Build() { builds++; return new object(); }

        var first = FieldPlans.GetOrAdd(Field(node, definition), "a", Build);
        Assert.Same(first, FieldPlans.GetOrAdd(Field(node, definition), "a", Build));
        Assert.Equal(1, builds);

        Assert.NotSame(first, FieldPlans.GetOrAdd(Field(node, definition), "b", Build));
        Assert.NotSame(first, FieldPlans.GetOrAdd(Field(node, definition), null, Build));
        Assert.NotSame(first, FieldPlans.GetOrAdd(Field(node, new FieldType { Name = "books" }), "a", Build));
        Assert.NotSame(first, FieldPlans.GetOrAdd(Field(new GraphQLField(new GraphQLName("books")), definition), "a", Build));
        Assert.Equal(5, builds);
    }

    [Fact]
    public void AFieldKeepsAFewVariants_AndBuildsTheRestEachTime()
    {
        var node = new GraphQLField(new GraphQLName("books"));
        var definition = new FieldType { Name = "books" };
        var builds = 0;
        for (var round = 0; round < 2; round++)
        {
            for (var variant = 0; variant < 40; variant++)
                FieldPlans.GetOrAdd(Field(node, definition), variant.ToString(System.Globalization.CultureInfo.InvariantCulture), () => { builds++; return new object(); });
        }

        Assert.Equal(40 + 24, builds);
    }

    [Fact]
    public void TheSignatureOfAValue_TellsApartWhatAPlanDependsOn()
    {
        var ascending = new List<object?> { new Dictionary<string, object?> { ["title"] = "ASC" } };
        Assert.Equal(FieldPlans.Signature(ascending), FieldPlans.Signature(new List<object?> { new Dictionary<string, object?> { ["title"] = "ASC" } }));
        Assert.NotEqual(FieldPlans.Signature(ascending), FieldPlans.Signature(new List<object?> { new Dictionary<string, object?> { ["title"] = "DESC" } }));
        Assert.NotEqual(FieldPlans.Signature(ascending), FieldPlans.Signature(new List<object?>
        {
            new Dictionary<string, object?> { ["title"] = "ASC" }, new Dictionary<string, object?> { ["pages"] = "ASC" },
        }));
        Assert.NotEqual(FieldPlans.Signature("1"), FieldPlans.Signature(1));
        Assert.Null(FieldPlans.Signature(null));
    }
}
