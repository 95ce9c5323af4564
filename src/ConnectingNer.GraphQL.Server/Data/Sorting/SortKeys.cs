using System.Linq.Expressions;
using ConnectingNer.GraphQL.Server.Errors;
using ConnectingNer.GraphQL.Server.Expressions;
using ConnectingNer.GraphQL.Server.Paging;

namespace ConnectingNer.GraphQL.Server.Data.Sorting;

/// <summary>Reads an <c>order:</c> argument into the keys that paging sorts by.</summary>
public static class SortKeys
{
    public const int MaxKeys = 5;

    /// <summary>The keys an <c>order:</c> argument asks for, then <paramref name="tieBreaker"/> ascending unless already present.</summary>
    public static IReadOnlyList<SortKey> From<T>(ISortInputType? type, IEnumerable<object?>? order, Expression<Func<T, int>> tieBreaker)
    {
        var keys = new List<SortKey>();
        if (type is not null && order is not null)
        {
            var parameter = Expression.Parameter(typeof(T), "x");
            foreach (var item in order)
            {
                if (item is not IDictionary<string, object?> fields || fields.Count == 0)
                    throw new CodedError(ErrorCodes.FilterInvalid, "Each 'order' item names one field and a direction.");
                Collect(parameter, parameter, type, fields, keys);
            }
        }

        if (keys.Count > MaxKeys)
            throw new CodedError(ErrorCodes.FilterInvalid, $"Sort by at most {MaxKeys} keys.");
        var tieBody = tieBreaker.Body.ToString();
        if (!keys.Any(k => k.Member.Body.ToString() == tieBody && k.Member.Parameters[0].Type == typeof(T)))
            keys.Add(new SortKey(tieBreaker, false));
        return keys;
    }

    private static void Collect(ParameterExpression root, Expression instance, ISortInputType type, IDictionary<string, object?> fields, List<SortKey> keys)
    {
        foreach (var (name, value) in fields)
        {
            if (!type.SortFields.TryGetValue(name, out var field))
                throw new CodedError(ErrorCodes.FilterInvalid, $"'{name}' cannot be sorted on.");
            var member = LambdaInliner.Inline(field.Member, instance);
            if (field.NestedSortType is not null)
            {
                if (value is not IDictionary<string, object?> inner)
                    throw new CodedError(ErrorCodes.FilterInvalid, $"'{name}' is sorted by one of its fields.");
                var nestedType = (type.GetField(name)?.ResolvedType as ISortInputType)
                    ?? throw new CodedError(ErrorCodes.FilterInvalid, $"'{name}' cannot be sorted on.");
                Collect(root, member, nestedType, inner, keys);
            }
            else if (value is SortDirection direction)
            {
                keys.Add(new SortKey(Expression.Lambda(member, root), direction == SortDirection.Descending));
            }
        }
    }
}
