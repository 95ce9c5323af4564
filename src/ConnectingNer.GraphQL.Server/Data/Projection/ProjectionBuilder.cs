using System.Linq.Expressions;
using System.Reflection;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using GraphQLParser.AST;

namespace ConnectingNer.GraphQL.Server.Data.Projection;

/// <summary>
/// Builds <c>x =&gt; new T { … }</c> holding only what a selection set reads, so the database sends only those
/// columns and joins only the references selected. A field reads the member of its own name unless it declares
/// others with <see cref="ProjectionExtensions.Projects{TSource, TReturn}"/>; the key member <c>Id</c> is always read.
/// </summary>
public static class ProjectionBuilder
{
    public const string MetadataKey = "projection:members";
    private const string KeyMember = "Id";

    public static Expression<Func<T, T>> Build<T>(IComplexGraphType graphType, IEnumerable<GraphQLSelectionSet?> selections,
        GraphQLDocument document)
    {
        var parameter = Expression.Parameter(typeof(T), "x");
        var body = Init(typeof(T), parameter, graphType, SelectionCollector.Collect(selections, document), document);
        return Expression.Lambda<Func<T, T>>(body, parameter);
    }

    private static Expression Init(Type type, Expression source, IComplexGraphType graphType,
        Dictionary<string, List<GraphQLField>> selected, GraphQLDocument document)
    {
        var bindings = new Dictionary<string, MemberBinding>(StringComparer.Ordinal);
        void Bind(PropertyInfo property, Expression value) => bindings.TryAdd(property.Name, Expression.Bind(property, value));

        var key = type.GetProperty(KeyMember);
        if (key is not null) Bind(key, Expression.Property(source, key));
        foreach (var (fieldName, asts) in selected)
        {
            var field = graphType.GetField(fieldName);
            if (field is null) continue;
            var members = field.GetMetadata<string[]>(MetadataKey) ?? [fieldName];
            foreach (var memberName in members)
            {
                var property = type.GetProperty(memberName, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
                if (property is null || !property.CanWrite) continue;
                var access = Expression.Property(source, property);
                var nestedType = field.ResolvedType.Unwrap() as IComplexGraphType;
                if (nestedType is not null && IsObject(property.PropertyType))
                {
                    var nested = SelectionCollector.Collect(asts.Select(a => a.SelectionSet), document);
                    var init = Init(property.PropertyType, access, nestedType, nested, document);
                    Bind(property, Expression.Condition(IsMissing(access), Expression.Constant(null, property.PropertyType), init, property.PropertyType));
                }
                else
                {
                    Bind(property, access);
                }
            }
        }

        return Expression.MemberInit(Expression.New(type), bindings.Values);
    }

    /// <summary>
    /// Whether a referenced object is absent, tested on its key where it has one: comparing the whole object with
    /// null would make the database read every column of the reference.
    /// </summary>
    private static Expression IsMissing(Expression reference)
    {
        if (reference.Type.GetProperty(KeyMember) is { PropertyType.IsValueType: true } key && Nullable.GetUnderlyingType(key.PropertyType) is null)
        {
            var nullableKey = typeof(Nullable<>).MakeGenericType(key.PropertyType);
            return Expression.Equal(Expression.Convert(Expression.Property(reference, key), nullableKey), Expression.Constant(null, nullableKey));
        }

        return Expression.Equal(reference, Expression.Constant(null, reference.Type));
    }

    private static bool IsObject(Type type) =>
        type.IsClass && type != typeof(string) && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type);

}

public static class ProjectionExtensions
{
    /// <summary>Declares the read-model members a computed field needs (e.g. <c>price</c> reads <c>PriceCents</c>).</summary>
    public static FieldBuilder<TSource, TReturn> Projects<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, params string[] members) =>
        field.WithMetadata(ProjectionBuilder.MetadataKey, members);
}
