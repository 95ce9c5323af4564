using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.Api.Tests.Catalog;

/// <summary>What a repeated operation reuses instead of building again.</summary>
[Collection(ApiCollection.Name)]
public sealed class QueryPlanTests(ApiFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// The statements of this test's selection whose SQL EF Core generated once and keeps (its cache holds compiled
    /// queries too). Only this selection's: the cache is shared by every host of the test run, and tests of other
    /// collections run meanwhile.
    /// </summary>
    private int CachedSqlStatements()
    {
        using var scope = fixture.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ConnectingNer.Infrastructure.Persistence.AppDbContext>();
        var keys = ((MemoryCache)db.GetService<IMemoryCache>()).Keys.Where(k => k.GetType().Name == "CommandCacheKey").ToList();
        var query = keys.Count == 0 ? null : keys[0].GetType().GetField("_queryExpression", BindingFlags.NonPublic | BindingFlags.Instance);
        Assert.True(keys.Count == 0 || query is not null, "EF Core's command cache key has no _queryExpression any more");
        return keys.Select(k => new ExpressionPrinter().PrintExpression((Expression)query!.GetValue(k)!))
            .Count(sql => new[] { "sku", "stock", "slug", "description" }.All(column => sql.Contains(column, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ARepeatedPage_ReusesItsSql_WhateverItsSize_AndTheSizeIsWrittenIntoTheSql()
    {
        var client = fixture.Client();
        // A selection no other test makes, so that its statement is new to EF Core here.
        const string Query = "query($first: Int) { products(first: $first) { nodes { sku stock category { slug description } } } }";
        var before = CachedSqlStatements();
        (await client.PostAsync(Query, new { first = 4 })).EnsureNoErrors();
        var afterFirst = CachedSqlStatements();
        Assert.Equal(before + 1, afterFirst);

        foreach (var first in new[] { 4, 7, 4, 2, 7 })
        {
            fixture.Sql.Reset();
            var response = (await client.PostAsync(Query, new { first })).EnsureNoErrors();
            Assert.Equal(first, response.Data!["products"]!["nodes"]!.AsArray().Count);
            // PostgreSQL sees the size (one more row tells whether there is a next page) and can keep one plan per size.
            Assert.Contains(fixture.Sql.Commands, c => c.Contains($"LIMIT {first + 1}", StringComparison.Ordinal));
        }

        // One statement for every size: before, the size went to EF Core as EF.Constant, and EF Core generated the SQL
        // on every execution and never kept it (the first request above added nothing).
        Assert.Equal(afterFirst, CachedSqlStatements());
    }
}
