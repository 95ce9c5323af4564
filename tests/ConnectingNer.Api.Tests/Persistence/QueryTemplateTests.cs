using System.Linq.Expressions;
using ConnectingNer.Application.Catalog.ReadModels;
using ConnectingNer.Domain.Catalog;
using ConnectingNer.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
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

    [Fact]
    public async Task ARepeatedPage_RunsTheQueryCompiledForItsTemplate()
    {
        await fixture.ResetAsync();
        var client = fixture.Client();
        // A selection no other test makes, so its tail is new here.
        const string Query = "query($first: Int, $after: String) { products(first: $first, after: $after) { nodes { sku description stock } pageInfo { endCursor } } }";

        var first = (await client.PostAsync(Query, new { first = 3 })).EnsureNoErrors();
        var compiled = QueryTemplates.Compiled;
        var reused = QueryTemplates.Reused;
        var again = (await client.PostAsync(Query, new { first = 3 })).EnsureNoErrors();
        var cursor = first.Data!["products"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        var next = (await client.PostAsync(Query, new { first = 5, after = cursor })).EnsureNoErrors();
        var nextAgain = (await client.PostAsync(Query, new { first = 5, after = cursor })).EnsureNoErrors();

        Assert.Equal(first.Data!.ToJsonString(), again.Data!.ToJsonString());
        Assert.Equal(next.Data!.ToJsonString(), nextAgain.Data!.ToJsonString());
        Assert.Equal(5, next.Data!["products"]!["nodes"]!.AsArray().Count);
        // The second request reused the first's query; a cursor is another shape, compiled once and then reused.
        Assert.True(QueryTemplates.Reused >= reused + 2, $"reused {QueryTemplates.Reused - reused}");
        Assert.True(QueryTemplates.Compiled >= compiled + 1);
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
        var compiled = QueryTemplates.Compiled;
        Assert.Equal("SPI-005", await Skus(new { sku = new { startsWith = "spi" }, pricePaise = new { gt = 10400 } }));
        Assert.Equal("HAN-005,HAN-004,HAN-003,HAN-002", await Skus(new { sku = new { startsWith = "han" }, pricePaise = new { gt = 10100 } }));
        Assert.Equal("", await Skus(new { sku = new { startsWith = "x" }, pricePaise = new { gt = 0 } }));

        // Other values, the same shape: no query compiled for these three (other tests may compile theirs meanwhile,
        // but none has this document).
        Assert.True(QueryTemplates.Compiled - compiled < 3);
    }
}
