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
/// others with <see cref="ProjectionExtensions.Projects{TSource, TReturn}"/>; the key member <c>Id</c> is always read. A
/// referenced object is projected to its own selection; so is each item of a list field marked with
/// <see cref="ProjectionExtensions.ProjectsEachItem{TSource, TReturn}"/>.
/// </summary>
public static class ProjectionBuilder
{
    public const string MetadataKey = "projection:members";
    public const string EachMetadataKey = "projection:each";
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
        // A member read whole by any field is bound whole; one only read through nested selections is projected to them.
        var whole = new Dictionary<string, PropertyInfo>(StringComparer.Ordinal);
        var nested = new Dictionary<string, (PropertyInfo Property, IComplexGraphType Type, List<GraphQLField> Fields)>(StringComparer.Ordinal);
        var key = type.GetProperty(KeyMember);
        if (key is not null) whole[key.Name] = key;
        foreach (var (fieldName, asts) in selected)
        {
            var field = graphType.GetField(fieldName);
            if (field is null) continue;
            var members = field.GetMetadata<string[]>(MetadataKey) ?? [fieldName];
            foreach (var memberName in members)
            {
                var property = type.GetProperty(memberName, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
                if (property is null || !property.CanWrite) continue;
                var nestable = IsObject(property.PropertyType)
                    || (field.GetMetadata(EachMetadataKey, false) && string.Equals(memberName, fieldName, StringComparison.OrdinalIgnoreCase)
                        && ElementOf(property.PropertyType) is not null);
                if (nestable && field.ResolvedType.Unwrap() is IComplexGraphType nestedType)
                {
                    if (!nested.TryGetValue(property.Name, out var entry)) nested[property.Name] = entry = (property, nestedType, []);
                    entry.Fields.AddRange(asts);
                }
                else
                {
                    whole[property.Name] = property;
                }
            }
        }

        var bindings = whole.Values.Select(p => (MemberBinding)Expression.Bind(p, Expression.Property(source, p))).ToList();
        foreach (var (name, (property, nestedType, fields)) in nested)
        {
            if (whole.ContainsKey(name)) continue;
            var access = Expression.Property(source, property);
            var selection = SelectionCollector.Collect(fields.Select(f => f.SelectionSet), document);
            if (ElementOf(property.PropertyType) is { } element)
            {
                var item = Expression.Parameter(element, "e");
                var each = Expression.Lambda(Init(element, item, nestedType, selection, document), item);
                var select = Expression.Call(typeof(Enumerable), nameof(Enumerable.Select), [element, element], access, each);
                bindings.Add(Expression.Bind(property, Expression.Call(typeof(Enumerable), nameof(Enumerable.ToList), [element], select)));
            }
            else
            {
                var init = Init(property.PropertyType, access, nestedType, selection, document);
                bindings.Add(Expression.Bind(property, Expression.Condition(IsMissing(access), Expression.Constant(null, property.PropertyType), init, property.PropertyType)));
            }
        }

        // In the members' order, not the selection's: selections of the same fields in any order make one projection
        // (one cached query, one compiled statement).
        return Expression.MemberInit(Expression.New(type), bindings.OrderBy(b => b.Member.Name, StringComparer.Ordinal));
    }

    /// <summary>The element type of a list member a nested selection can be projected into (<c>List&lt;T&gt;</c> or an interface it implements).</summary>
    private static Type? ElementOf(Type type)
    {
        if (!type.IsGenericType || type.GetGenericArguments() is not [var element]) return null;
        return element.IsClass && element != typeof(string)
            && type.IsAssignableFrom(typeof(List<>).MakeGenericType(element)) ? element : null;
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

    /// <summary>
    /// A list field of the member of its own name whose items are projected to what the client selects of them, like the
    /// page's own rows; each field of the item type must then read only its own member or those it declares with
    /// <see cref="Projects{TSource, TReturn}"/>. Without it the list is read whole.
    /// </summary>
    public static FieldBuilder<TSource, TReturn> ProjectsEachItem<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field.WithMetadata(ProjectionBuilder.EachMetadataKey, true);
}
