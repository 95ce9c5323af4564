using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;

namespace ConnectingNer.GraphQL.Server.Transport;

/// <summary>
/// Parsed documents that passed validation, by query text, so a repeated query skips parsing and the static
/// validation rules. Rules that depend on the request (variables, HTTP method) still run on every request.
/// </summary>
public sealed class DocumentCache : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 4 * 1024 * 1024 });

    public bool TryGet(string query, out GraphQLDocument? document) => _cache.TryGetValue(query, out document);

    public void Add(string query, GraphQLDocument document) =>
        _cache.Set(query, document, new MemoryCacheEntryOptions { Size = query.Length, SlidingExpiration = TimeSpan.FromHours(1) });

    public void Dispose() => _cache.Dispose();
}
