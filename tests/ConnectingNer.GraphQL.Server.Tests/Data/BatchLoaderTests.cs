using ConnectingNer.GraphQL.Server.Data.Loading;

namespace ConnectingNer.GraphQL.Server.Tests.Data;

public sealed class BatchLoaderTests
{
    [Fact]
    public async Task TheKeysOfALevel_AreFetchedInOneCall_EachKeyOnce()
    {
        var calls = new List<IReadOnlyCollection<int>>();
        var loader = new BatchLoader<int, string>((keys, _) =>
        {
            calls.Add(keys);
            return Task.FromResult<IReadOnlyDictionary<int, string>>(keys.ToDictionary(k => k, k => "v" + k));
        }, "missing");

        var a = loader.Load(1);
        var b = loader.Load(2);
        var again = loader.Load(1);

        Assert.Equal("v1", await a.GetResultAsync());
        Assert.Equal("v2", await b.GetResultAsync());
        Assert.Equal("v1", await again.GetResultAsync());
        Assert.Equal([1, 2], Assert.Single(calls).Order());
        Assert.Equal(1, loader.Dispatched);
    }

    [Fact]
    public async Task AKeyAskedForAfterTheBatchWent_GoesInTheNextBatch_AndKnownKeysAreCached()
    {
        var fetched = new List<int>();
        var loader = new BatchLoader<int, string>((keys, _) =>
        {
            fetched.AddRange(keys);
            return Task.FromResult<IReadOnlyDictionary<int, string>>(keys.Where(k => k != 9).ToDictionary(k => k, k => "v" + k));
        }, "missing");

        Assert.Equal("v1", await loader.Load(1).GetResultAsync());
        Assert.Equal("v2", await loader.Load(2).GetResultAsync());
        Assert.Equal("missing", await loader.Load(9).GetResultAsync());
        Assert.Equal("v1", await loader.Load(1).GetResultAsync());
        object? boxed = await ((global::GraphQL.DataLoader.IDataLoaderResult)loader.Load(1)).GetResultAsync();

        Assert.Equal("v1", boxed);
        Assert.Equal([1, 2, 9], fetched);
        Assert.Equal(3, loader.Dispatched);
    }

    [Fact]
    public async Task Then_MapsTheLoadedValue()
    {
        var loader = new BatchLoader<int, int>((keys, _) => Task.FromResult<IReadOnlyDictionary<int, int>>(keys.ToDictionary(k => k, k => k * 10)), -1);

        Assert.Equal("30", await loader.Load(3).Then(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)).GetResultAsync());
    }

    [Fact]
    public void TheContext_GivesOneLoaderPerKey()
    {
        var context = new DataLoaderContext();
        var created = 0;

        var first = context.GetOrAdd("books", () => { created++; return new object(); });
        var second = context.GetOrAdd("books", () => { created++; return new object(); });
        var other = context.GetOrAdd("shelves", () => { created++; return new object(); });

        Assert.Same(first, second);
        Assert.NotSame(first, other);
        Assert.Equal(2, created);
    }
}
