using System.Linq.Expressions;
using ConnectingNer.Application.Common.Querying;
using Microsoft.EntityFrameworkCore.Query;

namespace ConnectingNer.Application.Tests.Querying;

/// <summary>The cached operators build what Queryable's build, so a provider (and EF Core's query cache) cannot tell them apart.</summary>
public sealed class CachedOperatorsTests
{
    private sealed record Item(int Id, string Name, bool Active);

    private static readonly IQueryable<Item> Items =
        new[] { new Item(1, "tea", true), new Item(2, "rice", false), new Item(3, "chilli", true) }.AsQueryable();

    private static readonly Expression<Func<Item, bool>> IsActive = i => i.Active;
    private static readonly Expression<Func<Item, string>> NameOf = i => i.Name;

    [Fact]
    public void WhereAndSelect_BuildQueryablesExpressions_AndGiveItsRows()
    {
        var ours = Items.WhereCached(IsActive).SelectCached(NameOf);
        var theirs = Items.Where(IsActive).Select(NameOf);

        Assert.True(ExpressionEqualityComparer.Instance.Equals(theirs.Expression, ours.Expression));
        Assert.Equal(["tea", "chilli"], ours.ToList());
    }

    [Fact]
    public void TheMethodsAreMadeForEachType()
    {
        var names = Items.SelectCached(NameOf);
        var ids = Items.SelectCached(i => i.Id);

        Assert.Equal(["tea", "rice", "chilli"], names.ToList());
        Assert.Equal([1, 2, 3], ids.ToList());
        Assert.Equal([2], ids.WhereCached(id => id == 2).ToList());
    }

    [Fact]
    public void AsNoTracking_LeavesAQueryOfAnotherProviderAsItIs()
    {
        Assert.Same(Items, Items.AsNoTrackingCached());
    }
}
