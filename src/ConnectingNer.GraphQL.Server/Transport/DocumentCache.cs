using System.Collections.Concurrent;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;

namespace ConnectingNer.GraphQL.Server.Transport;

/// <summary>
/// Parsed documents that passed validation, by query text, so a repeated query skips parsing and the static
/// validation rules. The limits that judge one operation (complexity, depth) are remembered per operation: a cached
/// document whose other operation runs is checked again for that one.
/// </summary>
public sealed class DocumentCache : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 4 * 1024 * 1024 });

    public bool TryGet(string query, out CachedDocument? document) => _cache.TryGetValue(query, out document);

    public CachedDocument Add(string query, GraphQLDocument document)
    {
        var entry = new CachedDocument(document);
        _cache.Set(query, entry, new MemoryCacheEntryOptions { Size = query.Length, SlidingExpiration = TimeSpan.FromHours(1) });
        return entry;
    }

    public void Dispose() => _cache.Dispose();
}

/// <summary>A validated document and the operations of it that passed the per-operation limits without variables.</summary>
public sealed class CachedDocument(GraphQLDocument document)
{
    private readonly ConcurrentDictionary<string, bool> _checked = new(StringComparer.Ordinal);

    public GraphQLDocument Document { get; } = document;

    public bool HasVariables { get; } = document.Definitions.OfType<GraphQLOperationDefinition>().Any(o => o.Variables is { Count: > 0 });

    public bool IsChecked(string? operationName) => _checked.ContainsKey(operationName ?? "");

    public void MarkChecked(string? operationName) => _checked.TryAdd(operationName ?? "", true);
}
