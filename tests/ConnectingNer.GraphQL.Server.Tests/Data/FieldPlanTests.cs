using ConnectingNer.GraphQL.Server.Data;
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
