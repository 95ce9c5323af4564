using System.Linq.Expressions;
using System.Text.Json.Nodes;
using System.Reflection;
using ConnectingNer.Application.Catalog.ReadModels;
using ConnectingNer.Application.Common.Querying;
using ConnectingNer.Domain.Catalog;
using ConnectingNer.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.Api.Tests.Persistence;

/// <summary>
/// A page's source with its captured values taken out as parameters (<see cref="QueryTemplate"/>), so that a repeated
/// page runs a query compiled once (<see cref="QueryTemplates"/>).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class QueryTemplateTests(ApiFixture fixture)
{
    private sealed class Box(int value)
    {
        public int Value { get; } = value;
    }

    private AppDbContext Context(out IServiceScope scope)
    {
        scope = fixture.Factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<AppDbContext>();
    }

    private static IQueryable<Product> Cheaper(AppDbContext db, int price) => db.Products.AsNoTracking().Where(p => p.PricePaise < price);

    [Fact]
    public void TheServersContext_HasTheTemplateQueryProvider()
    {
        var db = Context(out var scope);
        using (scope) Assert.IsType<TemplateQueryProvider>(((IQueryable<Product>)db.Products).Provider);
    }

    [Fact]
    public void TheCachedOperators_BuildWhatEfCoreAndQueryableBuild_OnTheServersContext()
    {
        var db = Context(out var scope);
        using var _ = scope;

        var ours = db.Products.AsNoTrackingCached().WhereCached(p => p.IsActive).SelectCached(ProductReadModel.FromEntity);
        var theirs = db.Products.AsNoTracking().Where(p => p.IsActive).Select(ProductReadModel.FromEntity);

        Assert.True(ExpressionEqualityComparer.Instance.Equals(theirs.Expression, ours.Expression));
        Assert.NotSame(((IQueryable<Product>)db.Products).Expression, db.Products.AsNoTrackingCached().Expression);
    }

    [Fact]
    public void ACapturedValue_BecomesAParameter_AndAnotherValueOfTheSameShapeMatches()
    {
        var db = Context(out var scope);
        using var _ = scope;

        var template = QueryTemplate.TryCreate(Cheaper(db, 500).Expression, out var values);

        Assert.NotNull(template);
        Assert.Equal([500L], values.Select(Convert.ToInt64));
        Assert.Contains("@v0", new ExpressionPrinter().PrintExpression(template.Expression), StringComparison.Ordinal);
        var other = new object?[template.Count];
        Assert.True(template.TryMatch(Cheaper(db, 900).Expression, other));
        Assert.Equal([900L], other.Select(Convert.ToInt64));
    }

    [Fact]
    public void ASourceOfAnotherShape_DoesNotMatch()
    {
        var db = Context(out var scope);
        using var _ = scope;
        var template = QueryTemplate.TryCreate(Cheaper(db, 500).Expression, out var __)!;
        var values = new object?[template.Count];

        Assert.False(template.TryMatch(db.Products.AsNoTracking().Where(p => p.Stock < 500).Expression, values));
        Assert.False(template.TryMatch(db.Products.AsNoTracking().Where(p => p.PricePaise <= 500).Expression, values));
        Assert.False(template.TryMatch(db.Products.AsNoTracking().Where(p => p.PricePaise < 500 && p.IsActive).Expression, values));
        Assert.False(template.TryMatch(db.Products.Where(p => p.PricePaise < 500).Expression, values));
        Assert.False(template.TryMatch(db.Products.AsNoTracking().Where(p => p.PricePaise < 500).Expression, values), "a constant is no captured value");
    }

    [Fact]
    public void ConstantsArePartOfTheShape()
    {
        var db = Context(out var scope);
        using var _ = scope;
        var template = QueryTemplate.TryCreate(db.Products.Where(p => p.Stock < 10).Expression, out var values)!;

        Assert.Empty(values);
        Assert.True(template.TryMatch(db.Products.Where(p => p.Stock < 10).Expression, []));
        Assert.False(template.TryMatch(db.Products.Where(p => p.Stock < 11).Expression, []));
    }

    [Fact]
    public void ValuesReadFromBoxes_AsFiltersAndCursorsCarryThem_AreParameters()
    {
        var db = Context(out var scope);
        using var _ = scope;
        var row = Expression.Parameter(typeof(Product), "p");
        IQueryable<Product> Seek(int after) => db.Products.Where(Expression.Lambda<Func<Product, bool>>(
            Expression.GreaterThan(Expression.Property(row, nameof(Product.Id)), Expression.Property(Expression.Constant(new Box(after)), nameof(Box.Value))), row));

        var template = QueryTemplate.TryCreate(Seek(3).Expression, out var values)!;
        var other = new object?[1];

        Assert.Equal([3], values);
        Assert.True(template.TryMatch(Seek(8).Expression, other));
        Assert.Equal([8], other);
    }

    [Fact]
    public void WhatEFCoreWouldComputeOnTheClient_MakesNoTemplate()
    {
        var db = Context(out var scope);
        using var _ = scope;
        var name = "tea";
        var ids = db.Products.Where(p => p.IsActive).Select(p => p.Id);

        // A method of captured values, a static member, a captured query: each must be evaluated per request, or inlined.
        Assert.Null(QueryTemplate.TryCreate(db.Products.Where(p => p.Name == name.ToUpperInvariant()).Expression, out var __));
        Assert.Null(QueryTemplate.TryCreate(db.Products.Where(p => p.CreatedAt < DateTimeOffset.UtcNow).Expression, out __));
        Assert.Null(QueryTemplate.TryCreate(db.Products.Where(p => ids.Contains(p.Id)).Expression, out __));
        Assert.NotNull(QueryTemplate.TryCreate(db.Products.Where(p => p.Name == name).Expression, out __));
    }

    [Fact]
    public void TheCatalogsSource_IsATemplate_AndItsProjectionIsNotWalkedAgain()
    {
        var db = Context(out var scope);
        using var _ = scope;

        var template = QueryTemplate.TryCreate(db.Products.AsNoTracking().Where(p => p.IsActive).Select(ProductReadModel.FromEntity).Expression, out var values);

        Assert.NotNull(template);
        Assert.Empty(values);
        Assert.True(template.TryMatch(db.Products.AsNoTracking().Where(p => p.IsActive).Select(ProductReadModel.FromEntity).Expression, []));
        Assert.False(template.TryMatch(db.Products.AsNoTracking().Select(ProductReadModel.FromEntity).Expression, []));
    }

    /// <summary>
    /// The queries EF Core compiled and keeps in its own cache (a page that ran through EF Core's parameter extraction
    /// and cache key) whose LINQ text holds every one of <paramref name="words"/>. The cache is shared with the other
    /// tests of the run: the words must belong to this test's query alone.
    /// </summary>
    private int EfCoreCachedQueries(params string[] words)
    {
        using var scope = fixture.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var keys = ((MemoryCache)db.GetService<IMemoryCache>()).Keys.Where(k => k.GetType().Name.Contains("CompiledQueryCacheKey", StringComparison.Ordinal));
        return keys.Select(k => QueryOf(k, 0)).OfType<Expression>().Select(e => new ExpressionPrinter().PrintExpression(e))
            .Count(text => words.All(w => text.Contains(w, StringComparison.Ordinal)));
    }

    private static Expression? QueryOf(object key, int depth)
    {
        foreach (var field in key.GetType().GetFields(BindingFlags.NonPublic | BindingFlags.Instance))
        {
            var value = field.GetValue(key);
            if (value is Expression expression) return expression;
            if (depth < 3 && value is not null && field.FieldType.IsValueType && !field.FieldType.IsPrimitive && !field.FieldType.IsEnum
                && QueryOf(value, depth + 1) is { } inner) return inner;
        }

        return null;
    }

    [Fact]
    public async Task ARepeatedPage_RunsTheQueryCompiledForItsTemplate_NotThroughEFCoresCache()
    {
        await fixture.ResetAsync();
        var client = fixture.Client();
        // An order no other test asks for, so EF Core's cache would hold this test's query alone.
        const string Query = "query($first: Int, $after: String) { products(first: $first, after: $after, order: [{ stock: DESC }, { category: { slug: DESC } }]) { nodes { sku stock } pageInfo { endCursor } } }";

        fixture.Sql.Reset();
        var first = (await client.PostAsync(Query, new { first = 3 })).EnsureNoErrors();
        var again = (await client.PostAsync(Query, new { first = 3 })).EnsureNoErrors();
        var cursor = first.Data!["products"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        var next = (await client.PostAsync(Query, new { first = 5, after = cursor })).EnsureNoErrors();
        var nextAgain = (await client.PostAsync(Query, new { first = 5, after = cursor })).EnsureNoErrors();

        Assert.Equal(first.Data!.ToJsonString(), again.Data!.ToJsonString());
        Assert.Equal(next.Data!.ToJsonString(), nextAgain.Data!.ToJsonString());
        Assert.Equal(5, next.Data!["products"]!["nodes"]!.AsArray().Count);
        Assert.DoesNotContain(first.Data!["products"]!["nodes"]!.AsArray()[2]!["sku"]!.GetValue<string>(),
            next.Data!.ToJsonString(), StringComparison.Ordinal);
        // The cursor's values are the template's parameters (v0, v1…), and EF Core's own cache never saw the query.
        Assert.Contains(fixture.Sql.Commands, c => c.Contains("@v0", StringComparison.Ordinal) && c.Contains("LIMIT 6", StringComparison.Ordinal));
        Assert.Equal(0, EfCoreCachedQueries("OrderByDescending(x => x.Stock)", "ThenByDescending(x => x.Category.Slug)"));
    }

    [Fact]
    public async Task OneOperation_ForStaffAndForCustomers_KeepsWithdrawnProductsFromCustomers()
    {
        await fixture.ResetAsync();
        await using (var db = fixture.Database.CreateDbContext())
        {
            db.Products.Single(p => p.Sku == "TEA-001").Update(null, null, null, null, isActive: false, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        // One document, so one plan and tail: staff and customers get sources of two shapes, and each its own query.
        const string Query = "{ products(first: 50, order: [{ sku: ASC }]) { nodes { sku } } }";
        async Task<List<string>> Skus(GraphQLClient client) =>
            [.. (await client.PostAsync(Query)).EnsureNoErrors().Data!["products"]!["nodes"]!.AsArray().Select(n => n!["sku"]!.GetValue<string>())];

        foreach (var _ in Enumerable.Range(0, 2))
        {
            Assert.Contains("TEA-001", await Skus(fixture.Client().AsCatalogManager()));
            Assert.DoesNotContain("TEA-001", await Skus(fixture.Client()));
            Assert.DoesNotContain("TEA-001", await Skus(fixture.Client().As("customer-1")));
        }

        Assert.Equal(15, (await Skus(fixture.Client().AsCatalogManager())).Count);
        Assert.Equal(14, (await Skus(fixture.Client())).Count);
    }

    [Fact]
    public async Task AFilterWithVariables_ReusesOneQuery_WithEachRequestsValues()
    {
        await fixture.ResetAsync();
        var client = fixture.Client();
        const string Query = "query($where: ProductFilterInput) { products(first: 20, where: $where, order: [{ sku: DESC }]) { nodes { sku price { amount } } } }";
        async Task<string> Skus(object where) => string.Join(",", (await client.PostAsync(Query, new { where })).EnsureNoErrors()
            .Data!["products"]!["nodes"]!.AsArray().Select(n => n!["sku"]!.GetValue<string>()));

        Assert.Equal("TEA-005,TEA-004", await Skus(new { sku = new { startsWith = "tea" }, pricePaise = new { gt = 10300 } }));
        fixture.Sql.Reset();
        Assert.Equal("SPI-005", await Skus(new { sku = new { startsWith = "spi" }, pricePaise = new { gt = 10400 } }));
        Assert.Equal("HAN-005,HAN-004,HAN-003,HAN-002", await Skus(new { sku = new { startsWith = "han" }, pricePaise = new { gt = 10100 } }));
        Assert.Equal("", await Skus(new { sku = new { startsWith = "x" }, pricePaise = new { gt = 0 } }));

        // Other values, the same shape: the filter's values are the template's parameters.
        Assert.Equal(3, fixture.Sql.Commands.Count(c => c.Contains("@v1", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ANestedList_RunsOneCompiledQueryForEveryParent_WithEachRequestsParents()
    {
        await fixture.ResetAsync();
        var client = fixture.Client();
        const string Query = "query($first: Int) { categories { slug products(first: $first, order: [{ sku: DESC }]) { nodes { sku stock } } } }";
        async Task<Dictionary<string, string>> Pages(int first) => (await client.PostAsync(Query, new { first })).EnsureNoErrors()
            .Data!["categories"]!.AsArray().ToDictionary(c => c!["slug"]!.GetValue<string>(),
                c => string.Join(",", c!["products"]!["nodes"]!.AsArray().Select(n => n!["sku"]!.GetValue<string>())));

        var first = await Pages(2);
        fixture.Sql.Reset();
        var again = await Pages(2);
        var three = await Pages(3);

        Assert.Equal(first, again);
        Assert.Equal("TEA-005,TEA-004", first["tea"]);
        Assert.Equal("SPI-005,SPI-004,SPI-003", three["spices"]);
        // The parents' keys are the template's parameter.
        Assert.Contains(fixture.Sql.Commands, c => c.Contains("@v0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DocumentsThatDifferOnlyInTheirText_ShareOneCompiledQuery()
    {
        await fixture.ResetAsync();
        var client = fixture.Client();
        // Other whitespace, an alias, another operation name: other documents, other plans, the same query.
        string[] documents =
        [
            "{ products(first: 4, order: [{ createdAt: DESC }, { category: { name: DESC } }]) { nodes { sku } } }",
            "query   Newest { products(first: 4, order: [{ createdAt: DESC }, { category: { name: DESC } }]) { nodes { sku } } }",
            "{ newest: products(first: 4, order: [{createdAt: DESC}, {category: {name: DESC}}]) {nodes {sku}} }",
        ];
        int Compiled() => QueryTemplates.CompiledQueries.Select(q => new ExpressionPrinter().PrintExpression(q))
            .Count(text => text.Contains("OrderByDescending(x => x.CreatedAt)", StringComparison.Ordinal)
                && text.Contains("ThenByDescending(x => x.Category.Name)", StringComparison.Ordinal));

        var answers = new List<string>();
        foreach (var document in documents)
        {
            var data = (await client.PostAsync(document)).EnsureNoErrors().Data!;
            answers.Add(data.AsObject().Single().Value!["nodes"]!.ToJsonString());
        }

        Assert.Single(answers.Distinct());
        Assert.Equal(4, JsonNode.Parse(answers[0])!.AsArray().Count);
        Assert.Equal(1, Compiled());
    }

    [Fact]
    public async Task TotalCount_RunsACompiledCount_WithEachRequestsValues()
    {
        await fixture.ResetAsync();
        var client = fixture.Client();
        const string Query = "query($where: ProductFilterInput) { products(first: 1, where: $where) { totalCount } }";
        async Task<int> Count(object where) =>
            (await client.PostAsync(Query, new { where })).EnsureNoErrors().Data!["products"]!["totalCount"]!.GetValue<int>();

        Assert.Equal(5, await Count(new { sku = new { startsWith = "tea" } }));
        fixture.Sql.Reset();
        Assert.Equal(2, await Count(new { sku = new { startsWith = "tea" }, pricePaise = new { gt = 10300 } }));
        Assert.Equal(5, await Count(new { sku = new { startsWith = "han" } }));
        Assert.Equal(0, await Count(new { sku = new { startsWith = "x" } }));

        // The counts ran compiled: the filter's value is the template's parameter.
        Assert.Equal(2, fixture.Sql.Commands.Count(c => c.Contains("count(*)", StringComparison.Ordinal) && c.Contains("@v0", StringComparison.Ordinal)
            && !c.Contains("@v1", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ANestedListsTotalCount_RunsACompiledCount_ForEveryParentAtOnce()
    {
        await fixture.ResetAsync();
        var client = fixture.Client();
        const string Query = "query($where: ProductFilterInput) { categories { slug products(first: 1, where: $where) { totalCount } } }";
        async Task<Dictionary<string, int>> Counts(object where) => (await client.PostAsync(Query, new { where })).EnsureNoErrors()
            .Data!["categories"]!.AsArray().ToDictionary(c => c!["slug"]!.GetValue<string>(), c => c!["products"]!["totalCount"]!.GetValue<int>());

        Assert.Equal(5, (await Counts(new { pricePaise = new { gt = 0 } }))["tea"]);
        fixture.Sql.Reset();
        var cheap = await Counts(new { pricePaise = new { lt = 10300 } });

        Assert.Equal(2, cheap["tea"]);
        Assert.Equal(2, cheap["spices"]);
        // One grouped count for every category, compiled: the parents' keys and the filter's value are its parameters.
        Assert.Single(fixture.Sql.Commands, c => c.Contains("GROUP BY", StringComparison.Ordinal) && c.Contains("@v1", StringComparison.Ordinal));
    }
}
