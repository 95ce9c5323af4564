using System.Linq.Expressions;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Server.Data.Sorting;

public enum SortDirection { Ascending, Descending }

public sealed class SortEnumType : EnumerationGraphType
{
    public SortEnumType()
    {
        Name = "SortEnumType";
        Description = "Sort direction.";
        Add("ASC", SortDirection.Ascending, "Smallest first.");
        Add("DESC", SortDirection.Descending, "Largest first.");
    }
}

public sealed record SortField(LambdaExpression Member, Type? NestedSortType);

/// <summary>Implemented by every <c>order:</c> input type: the whitelist of what can be sorted.</summary>
public interface ISortInputType : IInputObjectGraphType
{
    IReadOnlyDictionary<string, SortField> SortFields { get; }
}

/// <summary>
/// A HotChocolate-style <c>XSortInput</c>. Clients pass <c>order: [{ price: DESC }, { name: ASC }]</c>; the
/// primary key always ends the order, so pages are stable.
/// </summary>
public abstract class SortInputGraphType<T> : InputObjectGraphType<object>, ISortInputType
{
    private readonly Dictionary<string, SortField> _fields = new(StringComparer.Ordinal);

    protected SortInputGraphType(string name, string description)
    {
        Name = name;
        Description = description;
    }

    public IReadOnlyDictionary<string, SortField> SortFields => _fields;

    /// <summary>A non-null, ordered member (text, number, date).</summary>
    protected void Sort<TValue>(string name, Expression<Func<T, TValue>> member, string description)
    {
        _fields.Add(name, new SortField(member, null));
        Field<SortEnumType>(name).Description(description);
    }

    /// <summary>A nested object sorted by its own sort input type.</summary>
    protected void SortObject<TValue, TSortType>(string name, Expression<Func<T, TValue?>> member, string description)
        where TSortType : ISortInputType
    {
        _fields.Add(name, new SortField(member, typeof(TSortType)));
        Field<TSortType>(name).Description(description);
    }
}
