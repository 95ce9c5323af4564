using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using ConnectingNer.GraphQL.Server.Errors;
using ConnectingNer.GraphQL.Server.Expressions;

namespace ConnectingNer.GraphQL.Server.Data.Filtering;

/// <summary>
/// Turns a <c>where:</c> argument into an expression tree over the read model, so the database evaluates it.
/// Only members declared by the filter input type are reachable. Values become parameters, not SQL literals.
/// </summary>
public sealed class FilterExpressionBuilder(IStringMatcher matcher)
{
    public const int MaxInValues = 1000;
    public const int MaxDepth = 8;

    private static readonly MethodInfo EnumerableAny = typeof(Enumerable).GetMethods()
        .Single(m => m.Name == nameof(Enumerable.Any) && m.GetParameters().Length == 1).MakeGenericMethod(typeof(string));
    private static readonly MethodInfo EnumerableAnyWhere = typeof(Enumerable).GetMethods()
        .Single(m => m.Name == nameof(Enumerable.Any) && m.GetParameters().Length == 2).MakeGenericMethod(typeof(string));
    private static readonly MethodInfo EnumerableAll = typeof(Enumerable).GetMethods()
        .Single(m => m.Name == nameof(Enumerable.All) && m.GetParameters().Length == 2).MakeGenericMethod(typeof(string));
    private static readonly MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    public Expression<Func<T, bool>>? Build<T>(IFilterInputType type, IDictionary<string, object?>? where)
    {
        if (where is null || where.Count == 0) return null;
        var parameter = Expression.Parameter(typeof(T), "x");
        return Expression.Lambda<Func<T, bool>>(Object(parameter, type, where, 1), parameter);
    }

    public IQueryable<T> Apply<T>(IQueryable<T> source, IFilterInputType type, IDictionary<string, object?>? where)
    {
        var predicate = Build<T>(type, where);
        return predicate is null ? source : source.Where(predicate);
    }

    private Expression Object(Expression instance, IFilterInputType type, IDictionary<string, object?> where, int depth)
    {
        if (depth > MaxDepth)
            throw new CodedError(ErrorCodes.FilterTooDeep, $"Filters nest at most {MaxDepth} levels deep.");

        var conditions = new List<Expression>();
        foreach (var (name, value) in where)
        {
            switch (name)
            {
                case "and":
                    conditions.Add(Combine(List(value).Select(v => Object(instance, type, Map(v), depth + 1)), Expression.AndAlso, true));
                    break;
                case "or":
                    conditions.Add(Combine(List(value).Select(v => Object(instance, type, Map(v), depth + 1)), Expression.OrElse, false));
                    break;
                default:
                    if (!type.FilterFields.TryGetValue(name, out var field))
                        throw new CodedError(ErrorCodes.FilterInvalid, $"'{name}' cannot be filtered on.");
                    if (value is null) throw new CodedError(ErrorCodes.FilterInvalid, $"'{name}' needs conditions, not null.");
                    var member = LambdaInliner.Inline(field.Member, instance);
                    conditions.Add(field.Kind switch
                    {
                        FilterFieldKind.Object => NestedObject(member, type, name, Map(value), depth),
                        FilterFieldKind.StringList => StringList(member, Map(value), depth),
                        _ => Operations(member, Map(value), depth),
                    });
                    break;
            }
        }

        return Combine(conditions, Expression.AndAlso, true);
    }

    private Expression NestedObject(Expression member, IFilterInputType parent, string name, IDictionary<string, object?> where, int depth)
    {
        // No null test on the object: the LINQ provider propagates a missing reference as NULL (no match), and a
        // projected object cannot be compared with null in SQL.
        // The nested input type as the schema holds it (built once), not a new instance per request.
        var nestedType = parent.GetField(name)?.ResolvedType.Unwrap() as IFilterInputType
            ?? throw new CodedError(ErrorCodes.FilterInvalid, $"'{name}' cannot be filtered on.");
        return Object(member, nestedType, where, depth + 1);
    }

    private Expression StringList(Expression member, IDictionary<string, object?> where, int depth)
    {
        var conditions = new List<Expression>();
        foreach (var (op, value) in where)
        {
            if (op == "any")
            {
                if (value is not bool any) throw new CodedError(ErrorCodes.FilterInvalid, "'any' takes true or false.");
                Expression hasAny = Expression.Call(EnumerableAny, member);
                conditions.Add(any ? hasAny : Expression.Not(hasAny));
                continue;
            }

            var item = Expression.Parameter(typeof(string), "item");
            var predicate = Expression.Lambda<Func<string, bool>>(Operations(item, Map(value), depth + 1), item);
            conditions.Add(op switch
            {
                "some" => Expression.Call(EnumerableAnyWhere, member, predicate),
                "none" => Expression.Not(Expression.Call(EnumerableAnyWhere, member, predicate)),
                "all" => Expression.Call(EnumerableAll, member, predicate),
                _ => throw new CodedError(ErrorCodes.FilterInvalid, $"'{op}' is not a list operator."),
            });
        }

        return Combine(conditions, Expression.AndAlso, true);
    }

    private Expression Operations(Expression member, IDictionary<string, object?> operations, int depth)
    {
        if (depth > MaxDepth)
            throw new CodedError(ErrorCodes.FilterTooDeep, $"Filters nest at most {MaxDepth} levels deep.");

        var conditions = new List<Expression>();
        foreach (var (op, value) in operations)
        {
            conditions.Add(op switch
            {
                "and" => Combine(List(value).Select(v => Operations(member, Map(v), depth + 1)), Expression.AndAlso, true),
                "or" => Combine(List(value).Select(v => Operations(member, Map(v), depth + 1)), Expression.OrElse, false),
                "eq" => Expression.Equal(member, Value(value, member.Type)),
                "neq" => Expression.NotEqual(member, Value(value, member.Type)),
                "in" => In(member, value),
                "nin" => Expression.Not(In(member, value)),
                "contains" => Like(member, value, "%", "%"),
                "ncontains" => Expression.Not(Like(member, value, "%", "%")),
                "startsWith" => Like(member, value, "", "%"),
                "nstartsWith" => Expression.Not(Like(member, value, "", "%")),
                "endsWith" => Like(member, value, "%", ""),
                "nendsWith" => Expression.Not(Like(member, value, "%", "")),
                "gt" => Compare(member, value, ExpressionType.GreaterThan),
                "ngt" => Expression.Not(Compare(member, value, ExpressionType.GreaterThan)),
                "gte" => Compare(member, value, ExpressionType.GreaterThanOrEqual),
                "ngte" => Expression.Not(Compare(member, value, ExpressionType.GreaterThanOrEqual)),
                "lt" => Compare(member, value, ExpressionType.LessThan),
                "nlt" => Expression.Not(Compare(member, value, ExpressionType.LessThan)),
                "lte" => Compare(member, value, ExpressionType.LessThanOrEqual),
                "nlte" => Expression.Not(Compare(member, value, ExpressionType.LessThanOrEqual)),
                _ => throw new CodedError(ErrorCodes.FilterInvalid, $"'{op}' is not an operator."),
            });
        }

        return Combine(conditions, Expression.AndAlso, true);
    }

    private Expression Like(Expression member, object? value, string prefix, string suffix)
    {
        if (value is not string text) throw new CodedError(ErrorCodes.FilterInvalid, "Text operators need a string, not null.");
        var pattern = prefix + EscapeLike(text) + suffix;
        return matcher.Like(member, Parameter(pattern, typeof(string)));
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static Expression Compare(Expression member, object? value, ExpressionType comparison)
    {
        if (value is null) throw new CodedError(ErrorCodes.FilterInvalid, "Comparisons need a value, not null.");
        var right = Value(value, member.Type);
        if (member.Type == typeof(string))
            return Expression.MakeBinary(comparison, Expression.Call(StringCompare, member, right), Expression.Constant(0));
        return Expression.MakeBinary(comparison, member, right);
    }

    private static Expression In(Expression member, object? value)
    {
        var values = List(value);
        if (values.Count > MaxInValues)
            throw new CodedError(ErrorCodes.FilterInTooLarge, $"'in' and 'nin' take at most {MaxInValues} values.");
        var listType = typeof(List<>).MakeGenericType(member.Type);
        var list = (IList)Activator.CreateInstance(listType)!;
        foreach (var item in values) list.Add(Convert(item, member.Type));
        var contains = listType.GetMethod(nameof(List<int>.Contains))!;
        return Expression.Call(Parameter(list, listType), contains, member);
    }

    private static Expression Value(object? value, Type type) => Parameter(Convert(value, type), type);

    /// <summary>A captured value, so the LINQ provider sends it as a query parameter.</summary>
    private static Expression Parameter(object? value, Type type)
    {
        var box = Activator.CreateInstance(BoxTypes.GetOrAdd(type, t => typeof(Box<>).MakeGenericType(t)), value)!;
        return Expression.Property(Expression.Constant(box), "Value");
    }

    private sealed record Box<TValue>(TValue Value);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Type> BoxTypes = new();

    private static object? Convert(object? value, Type type)
    {
        if (value is null) return null;
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target.IsInstanceOfType(value)) return value;
        if (target.IsEnum) return Enum.ToObject(target, value);
        if (target == typeof(DateTimeOffset) && value is DateTime dateTime) return new DateTimeOffset(dateTime);
        try
        {
            return System.Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
        {
            throw new CodedError(ErrorCodes.FilterInvalid, $"'{value}' is not a valid {target.Name}.");
        }
    }

    private static Expression Combine(IEnumerable<Expression> conditions, Func<Expression, Expression, BinaryExpression> with, bool empty)
    {
        Expression? result = null;
        foreach (var condition in conditions) result = result is null ? condition : with(result, condition);
        return result ?? Expression.Constant(empty);
    }

    private static IDictionary<string, object?> Map(object? value) =>
        value as IDictionary<string, object?> ?? throw new CodedError(ErrorCodes.FilterInvalid, "Expected an object of conditions.");

    private static IReadOnlyList<object?> List(object? value) => value switch
    {
        null => [],
        IEnumerable<object?> items => items.ToList(),
        _ => [value],
    };
}
