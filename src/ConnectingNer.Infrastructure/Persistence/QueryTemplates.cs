using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace ConnectingNer.Infrastructure.Persistence;

/// <summary>
/// Queries made of a source and a tail (a page's order, limit and row selector, kept with a repeated operation's plan),
/// compiled once per tail and shape of source, as <c>EF.CompileAsyncQuery</c> compiles a query: a repeated request runs
/// the compiled query with its source's values and the limit as parameters, without EF Core's parameter extraction,
/// cache key and lookup over the whole query tree. The source is compared with the templates of its tail
/// (<see cref="QueryTemplate"/>); what cannot be a template, or a tail past <see cref="MaxShapesPerTail"/> shapes, runs as
/// any query.
/// </summary>
public static class QueryTemplates
{
    /// <summary>Shapes of source compiled per tail (a catalog page has two: with and without products withdrawn from sale).</summary>
    public const int MaxShapesPerTail = 8;

    // Sources that made no template, per tail, before the tail stops trying.
    private const int MaxRefusals = 8;

    private static readonly ConditionalWeakTable<object, Shapes> ByTail = new();

    /// <summary>
    /// The rows of <paramref name="source"/> followed by <paramref name="tail"/>'s query (built by <paramref name="build"/>
    /// from the source's expression and the limit's), compiled once; or null when the source's context is not the server's
    /// or the source cannot be a template: then the caller runs the query as any other.
    /// </summary>
    /// <param name="limitName">The limit's parameter name (an interceptor may look for it in the SQL).</param>
    public static Task<List<TResult>>? TryToListAsync<TResult>(
        IQueryable source, object tail, Func<Expression, Expression, Expression> build, string limitName, int limit,
        CancellationToken cancellationToken)
    {
        if (source.Provider is not TemplateQueryProvider provider) return null;
        var shapes = ByTail.GetValue(tail, _ => new Shapes());
        var model = provider.Model;
        var shape = shapes.Find(model, source.Expression, out var values);
        if (shape is null)
        {
            shape = shapes.Add(model, source.Expression, template =>
            {
                var query = build(template.Expression, new QueryParameterExpression(limitName, typeof(int)));
#pragma warning disable EF1001 // As EF.CompileAsyncQuery does, through EF Core's query compiler.
                return provider.Compiler.CreateCompiledAsyncQuery<IAsyncEnumerable<TResult>>(query);
#pragma warning restore EF1001
            }, out values);
            if (shape is null) return null;
        }

        return RunAsync((Func<QueryContext, IAsyncEnumerable<TResult>>)shape.Run, shape.Template, values, provider, limitName, limit, cancellationToken);
    }

    private static async Task<List<TResult>> RunAsync<TResult>(
        Func<QueryContext, IAsyncEnumerable<TResult>> run, QueryTemplate template, object?[] values, TemplateQueryProvider provider,
        string limitName, int limit, CancellationToken cancellationToken)
    {
        var context = provider.CreateQueryContext();
        context.CancellationToken = cancellationToken;
        var parameters = context.Parameters;
        for (var i = 0; i < values.Length; i++) parameters[template.Names[i]] = values[i];
        parameters[limitName] = limit;
        var rows = new List<TResult>(Math.Min(limit, 64));
        await foreach (var row in run(context).WithCancellation(cancellationToken)) rows.Add(row);
        return rows;
    }

    private sealed record Shape(IModel Model, QueryTemplate Template, object Run);

    /// <summary>A tail's compiled shapes: read without a lock, added under one.</summary>
    private sealed class Shapes
    {
        private readonly Lock _lock = new();
        private volatile Shape[] _shapes = [];
        private int _refusals;

        public Shape? Find(IModel model, Expression source, out object?[] values)
        {
            foreach (var shape in _shapes)
            {
                if (!ReferenceEquals(shape.Model, model)) continue;
                values = new object?[shape.Template.Count];
                if (shape.Template.TryMatch(source, values)) return shape;
            }

            values = [];
            return null;
        }

        public Shape? Add(IModel model, Expression source, Func<QueryTemplate, object> compile, out object?[] values)
        {
            values = [];
            if (_shapes.Length >= MaxShapesPerTail || Volatile.Read(ref _refusals) >= MaxRefusals) return null;
            lock (_lock)
            {
                // Another request of the same shape may have compiled it meanwhile.
                if (Find(model, source, out values) is { } found) return found;
                if (_shapes.Length >= MaxShapesPerTail) return null;
                var template = QueryTemplate.TryCreate(source, out values);
                object run;
                try
                {
                    run = template is null ? throw new NotSupportedException() : compile(template);
                }
#pragma warning disable CA1031 // Whatever the compilation refused, the query runs as any other and EF Core reports it there.
                catch (Exception)
#pragma warning restore CA1031
                {
                    _refusals++;
                    return null;
                }

                var shape = new Shape(model, template, run);
                _shapes = [.. _shapes, shape];
                return shape;
            }
        }
    }
}
