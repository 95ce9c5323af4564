using System.Linq.Expressions;
using ConnectingNer.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.Api.Tests.Persistence;

/// <summary>
/// Queries are compiled with the functions nested in their executor compiled once (<see cref="HoistingQueryCompilationContext"/>),
/// not made into a new delegate each time the code around them runs (several per row of a list read with its parent).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class QueryCompilationTests(ApiFixture fixture)
{
    [Fact]
    public void TheServersContext_CompilesQueriesWithTheHoistingContext()
    {
        using var scope = fixture.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.IsType<HoistingQueryCompilationContextFactory>(db.GetService<IQueryCompilationContextFactory>());
        Assert.IsType<HoistingQueryCompilationContext>(db.GetService<IQueryCompilationContextFactory>().Create(async: true));
    }

    [Fact]
    public async Task AQueryWithAListReadWithItsParent_AnswersAsBefore_AndIsStillLoggedAsPlanned()
    {
        await fixture.ResetAsync();
        var planned = new List<string>();
        await using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>()
            .UseNpgsql(fixture.Database.ConnectionString).UseSnakeCaseNamingConvention().UseOpenIddict()
            .ReplaceService<IQueryCompilationContextFactory, HoistingQueryCompilationContextFactory>()
            .LogTo(planned.Add, [Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.QueryExecutionPlanned]).Options);
        await using var plain = fixture.Database.CreateDbContext();

        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new { c.Name, Products = db.Set<ConnectingNer.Domain.Catalog.Product>().Where(p => p.CategoryId == c.Id).OrderBy(p => p.Id).Select(p => p.Sku).ToList() }).ToListAsync();
        var expected = await plain.Categories.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new { c.Name, Products = plain.Set<ConnectingNer.Domain.Catalog.Product>().Where(p => p.CategoryId == c.Id).OrderBy(p => p.Id).Select(p => p.Sku).ToList() }).ToListAsync();

        Assert.NotEmpty(categories);
        Assert.All(categories, c => Assert.NotEmpty(c.Products));
        Assert.Equal(expected.Select(c => (c.Name, string.Join(",", c.Products))), categories.Select(c => (c.Name, string.Join(",", c.Products))));
        Assert.NotEmpty(planned);
    }

    [Fact]
    public void Hoister_CompilesANestedLambdaThatUsesOnlyItsOwnVariables_Once()
    {
        Expression<Func<int, Func<int, int>>> root = x => y => y + 1;

        var hoisted = (LambdaExpression)new ClosedLambdaHoister(root).Visit(root);

        var constant = Assert.IsAssignableFrom<ConstantExpression>(hoisted.Body);
        var compiled = hoisted.Compile();
        Assert.Same(constant.Value, compiled.DynamicInvoke(1));
        Assert.Same(compiled.DynamicInvoke(1), compiled.DynamicInvoke(2));
        Assert.Equal(4, ((Func<int, int>)compiled.DynamicInvoke(7)!)(3));
    }

    [Fact]
    public void Hoister_LeavesALambdaThatUsesAnOuterVariable_AndQuotedLambdas()
    {
        Expression<Func<int, Func<int, int>>> closure = x => y => y + x;
        var z = Expression.Parameter(typeof(int), "z");
        var quoted = Expression.Lambda<Func<int, Expression<Func<int, int>>>>(
            Expression.Quote(Expression.Lambda<Func<int, int>>(Expression.Add(z, Expression.Constant(1)), z)), Expression.Parameter(typeof(int), "x"));

        var keptClosure = (LambdaExpression)new ClosedLambdaHoister(closure).Visit(closure);
        var keptQuote = (LambdaExpression)new ClosedLambdaHoister(quoted).Visit(quoted);

        Assert.IsAssignableFrom<LambdaExpression>(keptClosure.Body);
        Assert.Equal(10, ((Func<int, int>)keptClosure.Compile().DynamicInvoke(7)!)(3));
        Assert.Equal(ExpressionType.Quote, keptQuote.Body.NodeType);
    }

    [Fact]
    public void IsClosed_CountsBlockAndCatchVariablesAsItsOwn()
    {
        var local = Expression.Variable(typeof(int), "local");
        var error = Expression.Variable(typeof(Exception), "error");
        var outer = Expression.Parameter(typeof(int), "outer");
        var own = Expression.Lambda<Func<int>>(Expression.Block([local],
            Expression.TryCatch(Expression.Assign(local, Expression.Constant(1)),
                Expression.Catch(error, Expression.Condition(Expression.Equal(error, Expression.Constant(null, typeof(Exception))), Expression.Constant(2), Expression.Constant(3)))),
            local));
        var usesOuter = Expression.Lambda<Func<int>>(Expression.Block([local], Expression.Assign(local, outer), local));

        Assert.True(ClosedLambdaHoister.IsClosed(own));
        Assert.False(ClosedLambdaHoister.IsClosed(usesOuter));
    }
}
