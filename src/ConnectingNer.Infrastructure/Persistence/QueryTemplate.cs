using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Query;

namespace ConnectingNer.Infrastructure.Persistence;

/// <summary>
/// A query's source with the values it captured (a handler's variables, a filter's or a cursor's values: fields read
/// from a constant object) taken out as query parameters, so one compiled query serves every request of its shape.
/// <see cref="TryCreate"/> makes a template from a source; <see cref="TryMatch"/> tells whether another source has the
/// same shape and, if so, reads its values, walking only what differs from the template (a projection kept in a static
/// field is the same object every time and is not walked). Anything whose value EF Core would compute on the client
/// in another way (a method called on captured values, a static member, a captured query) makes no template, so a
/// compiled template never fixes a value that should be read again.
/// </summary>
public sealed class QueryTemplate
{
    private QueryTemplate(Expression expression, int count)
    {
        Expression = expression;
        Count = count;
        Names = [.. Enumerable.Range(0, count).Select(Name)];
    }

    /// <summary>The source with a <see cref="QueryParameterExpression"/> named <c>v0</c>, <c>v1</c>… for each value.</summary>
    public Expression Expression { get; }

    /// <summary>How many values a source of this shape carries.</summary>
    public int Count { get; }

    /// <summary>The parameters' names, by index.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>A template of the source and the source's values, or null when the source cannot be one.</summary>
    public static QueryTemplate? TryCreate(Expression source, out object?[] values)
    {
        var maker = new Maker();
        var expression = maker.Visit(source);
        values = [.. maker.Values];
        return maker.Failed || expression is null ? null : new QueryTemplate(expression, maker.Values.Count);
    }

    /// <summary>Whether the source has this template's shape; if so, <paramref name="values"/> are its values.</summary>
    public bool TryMatch(Expression source, object?[] values) =>
        values.Length == Count && new Matcher(values).Equal(Expression, source);

    private static string Name(int index) => "v" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A field or property read from a captured object (<c>closure.me</c>, <c>box.Value</c>), at any depth.</summary>
    private static bool IsCapture(Expression expression) =>
        expression is MemberExpression { Member: FieldInfo or PropertyInfo, Expression: { } inner }
        && (inner is ConstantExpression { Value: not null } || IsCapture(inner));

    private static bool TryEvaluate(Expression expression, out object? value)
    {
        switch (expression)
        {
            case ConstantExpression constant:
                value = constant.Value;
                return true;
            case MemberExpression { Expression: { } inner } member when TryEvaluate(inner, out var target) && target is not null:
                value = member.Member is FieldInfo field ? field.GetValue(target) : ((PropertyInfo)member.Member).GetValue(target);
                // A captured query is part of the query's shape: EF Core inlines it.
                return value is not IQueryable;
            default:
                value = null;
                return false;
        }
    }

    private static bool Allowed(Expression node) => node.NodeType switch
    {
        ExpressionType.Add or ExpressionType.AddChecked or ExpressionType.And or ExpressionType.AndAlso or ExpressionType.ArrayIndex
            or ExpressionType.Coalesce or ExpressionType.Divide or ExpressionType.Equal or ExpressionType.ExclusiveOr
            or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual or ExpressionType.LeftShift or ExpressionType.LessThan
            or ExpressionType.LessThanOrEqual or ExpressionType.Modulo or ExpressionType.Multiply or ExpressionType.MultiplyChecked
            or ExpressionType.NotEqual or ExpressionType.Or or ExpressionType.OrElse or ExpressionType.Power or ExpressionType.RightShift
            or ExpressionType.Subtract or ExpressionType.SubtractChecked => node is BinaryExpression { Conversion: null },
        ExpressionType.ArrayLength or ExpressionType.Convert or ExpressionType.ConvertChecked or ExpressionType.Negate
            or ExpressionType.NegateChecked or ExpressionType.Not or ExpressionType.Quote or ExpressionType.TypeAs
            or ExpressionType.UnaryPlus => true,
        ExpressionType.Call or ExpressionType.Conditional or ExpressionType.Constant or ExpressionType.Default or ExpressionType.Invoke
            or ExpressionType.Lambda or ExpressionType.MemberAccess or ExpressionType.MemberInit or ExpressionType.New
            or ExpressionType.NewArrayInit or ExpressionType.Parameter or ExpressionType.TypeIs or ExpressionType.TypeEqual => true,
        ExpressionType.Extension => node.GetType() == typeof(EntityQueryRootExpression),
        _ => false,
    };

    /// <summary>
    /// Replaces each captured value with a parameter. It fails on a node it cannot match later and on a node EF Core would
    /// evaluate on the client into one value (it reads nothing of a row or a query root, and is neither a constant, a
    /// capture nor a conversion of one): compiled, such a node would be evaluated once and kept.
    /// </summary>
    private sealed class Maker : ExpressionVisitor
    {
        private bool _dependent;

        public List<object?> Values { get; } = [];

        public bool Failed { get; private set; }

        public override Expression? Visit(Expression? node)
        {
            if (node is null || Failed) return node;
            if (IsCapture(node))
            {
                if (!TryEvaluate(node, out var value) || typeof(IQueryable).IsAssignableFrom(node.Type))
                {
                    Failed = true;
                    return node;
                }

                Values.Add(value);
                return new QueryParameterExpression(Name(Values.Count - 1), node.Type);
            }

            if (!Allowed(node) || node is ConstantExpression { Value: IQueryable })
            {
                Failed = true;
                return node;
            }

            var outer = _dependent;
            _dependent = false;
            var visited = base.Visit(node);
            var dependent = _dependent || node is ParameterExpression or EntityQueryRootExpression;
            var clientValue = !dependent && node is not (ConstantExpression or DefaultExpression or LambdaExpression)
                && !(node is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked or ExpressionType.Quote } unary
                    && (IsCapture(unary.Operand) || unary.Operand is ConstantExpression or LambdaExpression));
            if (clientValue) Failed = true;
            _dependent = outer || dependent;
            return visited;
        }

        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            var visited = base.VisitLambda(node);
            // A lambda stands for code run on each row, whatever its body reads.
            _dependent = true;
            return visited;
        }

        protected override Expression VisitExtension(Expression node) => node;

        // The object a member initialization builds is no value of its own: the bindings tell what it reads.
        protected override Expression VisitMemberInit(MemberInitExpression node) =>
            node.Update(node.NewExpression.Update(Visit(node.NewExpression.Arguments)), Visit(node.Bindings, VisitMemberBinding));

        protected override MemberListBinding VisitMemberListBinding(MemberListBinding node)
        {
            Failed = true;
            return node;
        }
    }

    /// <summary>Compares a template with a source node by node, reading the source's values where the template has parameters.</summary>
    private sealed class Matcher(object?[] values)
    {
        private readonly List<(ParameterExpression Template, ParameterExpression Source)> _parameters = [];

        public bool Equal(Expression? template, Expression? source)
        {
            if (ReferenceEquals(template, source)) return true;
            if (template is null || source is null) return false;
            if (template is QueryParameterExpression parameter)
                return source.Type == parameter.Type && IsCapture(source) && TryEvaluate(source, out var value)
                    && Set(parameter.Name, value);
            if (template.NodeType != source.NodeType || template.Type != source.Type) return false;
            return template switch
            {
                BinaryExpression t => source is BinaryExpression s && t.Method == s.Method && t.IsLiftedToNull == s.IsLiftedToNull
                    && s.Conversion is null && Equal(t.Left, s.Left) && Equal(t.Right, s.Right),
                UnaryExpression t => source is UnaryExpression s && t.Method == s.Method && Equal(t.Operand, s.Operand),
                ConstantExpression t => source is ConstantExpression s && s.Value is not IQueryable && Equals(t.Value, s.Value),
                DefaultExpression => true,
                ParameterExpression t => source is ParameterExpression s && Bound(t, s),
                LambdaExpression t => source is LambdaExpression s && Lambda(t, s),
                MemberExpression t => source is MemberExpression s && t.Member == s.Member && Equal(t.Expression, s.Expression),
                MethodCallExpression t => source is MethodCallExpression s && t.Method == s.Method && Equal(t.Object, s.Object)
                    && All(t.Arguments, s.Arguments),
                NewExpression t => source is NewExpression s && New(t, s),
                MemberInitExpression t => source is MemberInitExpression s && New(t.NewExpression, s.NewExpression) && Bindings(t.Bindings, s.Bindings),
                NewArrayExpression t => source is NewArrayExpression s && All(t.Expressions, s.Expressions),
                ConditionalExpression t => source is ConditionalExpression s && Equal(t.Test, s.Test) && Equal(t.IfTrue, s.IfTrue)
                    && Equal(t.IfFalse, s.IfFalse),
                TypeBinaryExpression t => source is TypeBinaryExpression s && t.TypeOperand == s.TypeOperand && Equal(t.Expression, s.Expression),
                InvocationExpression t => source is InvocationExpression s && Equal(t.Expression, s.Expression) && All(t.Arguments, s.Arguments),
                EntityQueryRootExpression t => source.GetType() == typeof(EntityQueryRootExpression)
                    && ((EntityQueryRootExpression)source).EntityType == t.EntityType,
                _ => false,
            };
        }

        private bool Set(string name, object? value)
        {
            values[int.Parse(name.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture)] = value;
            return true;
        }

        private bool Bound(ParameterExpression template, ParameterExpression source)
        {
            for (var i = _parameters.Count - 1; i >= 0; i--)
                if (ReferenceEquals(_parameters[i].Template, template)) return ReferenceEquals(_parameters[i].Source, source);
            return false;
        }

        private bool Lambda(LambdaExpression template, LambdaExpression source)
        {
            if (template.Parameters.Count != source.Parameters.Count) return false;
            var mark = _parameters.Count;
            for (var i = 0; i < template.Parameters.Count; i++)
            {
                if (template.Parameters[i].Type != source.Parameters[i].Type) return false;
                _parameters.Add((template.Parameters[i], source.Parameters[i]));
            }

            var equal = Equal(template.Body, source.Body);
            _parameters.RemoveRange(mark, _parameters.Count - mark);
            return equal;
        }

        private bool New(NewExpression template, NewExpression source)
        {
            if (template.Constructor != source.Constructor || !All(template.Arguments, source.Arguments)) return false;
            if (template.Members is null || source.Members is null) return template.Members is null && source.Members is null;
            return template.Members.SequenceEqual(source.Members);
        }

        private bool Bindings(IReadOnlyList<MemberBinding> template, IReadOnlyList<MemberBinding> source)
        {
            if (ReferenceEquals(template, source)) return true;
            if (template.Count != source.Count) return false;
            for (var i = 0; i < template.Count; i++)
            {
                var equal = (template[i], source[i]) switch
                {
                    (MemberAssignment t, MemberAssignment s) => t.Member == s.Member && Equal(t.Expression, s.Expression),
                    (MemberMemberBinding t, MemberMemberBinding s) => t.Member == s.Member && Bindings(t.Bindings, s.Bindings),
                    _ => false,
                };
                if (!equal) return false;
            }

            return true;
        }

        private bool All(IReadOnlyList<Expression> template, IReadOnlyList<Expression> source)
        {
            if (ReferenceEquals(template, source)) return true;
            if (template.Count != source.Count) return false;
            for (var i = 0; i < template.Count; i++)
                if (!Equal(template[i], source[i])) return false;
            return true;
        }
    }
}
