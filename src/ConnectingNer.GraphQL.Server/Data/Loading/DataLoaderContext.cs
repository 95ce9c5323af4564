namespace ConnectingNer.GraphQL.Server.Data.Loading;

/// <summary>The batch loaders of one request (a scoped service): loaders are found again by key within the request.</summary>
public sealed class DataLoaderContext
{
    private readonly Dictionary<object, object> _loaders = [];

    public TLoader GetOrAdd<TLoader>(object key, Func<TLoader> create) where TLoader : class
    {
        if (_loaders.TryGetValue(key, out var existing)) return (TLoader)existing;
        var loader = create();
        _loaders[key] = loader;
        return loader;
    }
}
