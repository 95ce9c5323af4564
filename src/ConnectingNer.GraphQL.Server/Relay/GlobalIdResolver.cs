using System.Text;
using System.Text.Json;
using ConnectingNer.GraphQL.Server.Execution;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Resolvers;

namespace ConnectingNer.GraphQL.Server.Relay;

/// <summary>
/// An object's global id from an integer key of its source: a source resolver (<see cref="ISourceResolver"/>) that a
/// rendered list writes straight to JSON, without the id's string (a page of twenty items, each with a parent, made
/// forty).
/// </summary>
public sealed class GlobalIdResolver<TSource>(string typeName, Func<TSource, int> key) : IFieldResolver, IJsonSourceResolver
{
    private readonly byte[] _typeNameUtf8 = Encoding.UTF8.GetBytes(typeName);

    public object? Resolve(object? source) => GlobalId.Encode(typeName, key((TSource)source!));

    public ValueTask<object?> ResolveAsync(IResolveFieldContext context) => new(Resolve(context.Source));

    public bool TryWrite(Utf8JsonWriter json, object? source) => GlobalId.TryWrite(json, _typeNameUtf8, key((TSource)source!));
}

public static class GlobalIdResolverExtensions
{
    /// <summary>Resolves the field to the global id of <paramref name="typeName"/> with the source's integer key.</summary>
    public static FieldBuilder<TSource, TReturn> ResolveGlobalId<TSource, TReturn>(
        this FieldBuilder<TSource, TReturn> builder, string typeName, Func<TSource, int> key)
    {
        builder.FieldType.Resolver = new GlobalIdResolver<TSource>(typeName, key);
        return builder;
    }
}
