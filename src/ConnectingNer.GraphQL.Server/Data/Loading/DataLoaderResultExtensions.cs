using GraphQL.DataLoader;

namespace ConnectingNer.GraphQL.Server.Data.Loading;

public static class DataLoaderResultExtensions
{
    /// <summary>A result that applies <paramref name="map"/> to a loaded value once its batch has been fetched.</summary>
    public static IDataLoaderResult<TOut> Then<T, TOut>(this IDataLoaderResult<T> result, Func<T, TOut> map) => new Mapped<T, TOut>(result, map);

    private sealed class Mapped<T, TOut>(IDataLoaderResult<T> inner, Func<T, TOut> map) : IDataLoaderResult<TOut>
    {
        public async Task<TOut> GetResultAsync(CancellationToken cancellationToken = default) => map(await inner.GetResultAsync(cancellationToken));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
