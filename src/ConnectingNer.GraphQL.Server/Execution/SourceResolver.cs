using System.Linq.Expressions;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Server.Execution;

/// <summary>
/// A resolver that reads nothing but its source object: no arguments, services, user or cancellation. The planned
/// execution strategy runs such a field's resolver inline, without GraphQL.NET's per-field context and two async
/// steps (<see cref="PlannedSerialExecutionStrategy"/>); anywhere else it is an ordinary resolver.
/// </summary>
public interface ISourceResolver
{
    object? Resolve(object? source);
}

/// <summary>
/// A source resolver whose value a rendered list may write itself, exactly as the result writer would write the value
/// <see cref="ISourceResolver.Resolve"/> gives (under <see cref="ResultJson"/>'s options); only for a field of type <c>ID</c>.
/// </summary>
public interface IJsonSourceResolver : ISourceResolver
{
    /// <summary>Writes the value for this source; false, with nothing written, to have it resolved and written as usual.</summary>
    bool TryWrite(System.Text.Json.Utf8JsonWriter json, object? source);
}

public sealed class SourceResolver<TSource, TReturn>(Func<TSource, TReturn?> resolve) : IFieldResolver, ISourceResolver
{
    public object? Resolve(object? source) => resolve((TSource)source!);

    public ValueTask<object?> ResolveAsync(IResolveFieldContext context) => new(Resolve(context.Source));
}

public static class SourceResolverExtensions
{
    /// <summary>Resolves the field from its source object alone (the function must not read anything else).</summary>
    public static FieldBuilder<TSource, TReturn> ResolveFromSource<TSource, TReturn>(
        this FieldBuilder<TSource, TReturn> builder, Func<TSource, TReturn?> resolve)
    {
        builder.FieldType.Resolver = new SourceResolver<TSource, TReturn>(resolve);
        return builder;
    }

    /// <summary>
    /// <c>Field(x => x.Member)</c>, whose name, type and nullability come from the expression as GraphQL.NET infers
    /// them, resolved from the source object by the same expression.
    /// </summary>
    public static FieldBuilder<TSource, TProperty> SourceField<TSource, TProperty>(
        this ComplexGraphType<TSource> type, Expression<Func<TSource, TProperty>> expression, bool nullable = false) =>
        type.Field(expression, nullable).ResolveFromSource(expression.Compile());
}
