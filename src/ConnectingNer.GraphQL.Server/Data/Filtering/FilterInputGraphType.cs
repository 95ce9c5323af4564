using System.Linq.Expressions;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Server.Data.Filtering;

/// <summary>How a filter input field reaches the data: a scalar, a nested object or a list of strings.</summary>
public enum FilterFieldKind { Scalar, Object, StringList }

public sealed record FilterField(LambdaExpression Member, FilterFieldKind Kind, Type InputType);

/// <summary>Implemented by every <c>where:</c> input type: the whitelist of what can be filtered.</summary>
public interface IFilterInputType : IInputObjectGraphType
{
    IReadOnlyDictionary<string, FilterField> FilterFields { get; }
}

/// <summary>
/// A HotChocolate-style <c>XFilterInput</c> over a read model: only the members declared here can be filtered,
/// whatever else the read model or the entity behind it has.
/// </summary>
public abstract class FilterInputGraphType<T> : InputObjectGraphType<object>, IFilterInputType
{
    private readonly Dictionary<string, FilterField> _fields = new(StringComparer.Ordinal);

    protected FilterInputGraphType(string name, string description)
    {
        Name = name;
        Description = description;
        AddField(new FieldType { Name = "and", Description = "All of these must hold.", ResolvedType = new ListGraphType(new NonNullGraphType(this)) });
        AddField(new FieldType { Name = "or", Description = "At least one of these must hold.", ResolvedType = new ListGraphType(new NonNullGraphType(this)) });
    }

    public IReadOnlyDictionary<string, FilterField> FilterFields => _fields;

    /// <summary>A scalar member, filtered with the operators of its type.</summary>
    protected void Filter<TValue>(string name, Expression<Func<T, TValue>> member, string description) =>
        Add(name, member, FilterFieldKind.Scalar, OperationTypeFor(typeof(TValue)), description);

    /// <summary>An enum member, filtered with the given enum operation type.</summary>
    protected void FilterEnum<TValue, TOperationType>(string name, Expression<Func<T, TValue>> member, string description)
        where TValue : struct, Enum
        where TOperationType : OperationFilterInputType =>
        Add(name, member, FilterFieldKind.Scalar, typeof(TOperationType), description);

    /// <summary>A nested object, filtered with its own filter input type.</summary>
    protected void FilterObject<TValue, TFilterType>(string name, Expression<Func<T, TValue?>> member, string description)
        where TFilterType : IFilterInputType =>
        Add(name, member, FilterFieldKind.Object, typeof(TFilterType), description);

    /// <summary>A list of strings: <c>some/all/none/any</c>.</summary>
    protected void FilterList(string name, Expression<Func<T, IEnumerable<string>>> member, string description) =>
        Add(name, member, FilterFieldKind.StringList, typeof(ListStringOperationFilterInputType), description);

    private void Add(string name, LambdaExpression member, FilterFieldKind kind, Type inputType, string description)
    {
        _fields.Add(name, new FilterField(member, kind, inputType));
        AddField(new FieldType { Name = name, Type = inputType, Description = description });
    }

    private static Type OperationTypeFor(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(string) => typeof(StringOperationFilterInputType),
        var t when t == typeof(int) => typeof(IntOperationFilterInputType),
        var t when t == typeof(long) => typeof(LongOperationFilterInputType),
        var t when t == typeof(decimal) => typeof(DecimalOperationFilterInputType),
        var t when t == typeof(DateTimeOffset) => typeof(DateTimeOperationFilterInputType),
        var t when t == typeof(bool) => typeof(BooleanOperationFilterInputType),
        var t => throw new NotSupportedException($"No filter operators for {t.Name}; declare it with FilterEnum or FilterObject."),
    };
}
