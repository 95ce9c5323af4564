using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
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

    // Sources that made no compiled query, per tail, before the tail stops trying.
    private const int MaxRefusals = 8;

    /// <summary>Compiled queries kept for all tails together; past that, new shapes run as any query.</summary>
    public const int MaxCompiledQueries = 1024;

    private static readonly ConditionalWeakTable<object, Shapes> ByTail = new();

    private static readonly ConcurrentDictionary<CompiledKey, object> CompiledByQuery = new(new CompiledKeyComparer());

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
        return Prepare<IAsyncEnumerable<TResult>>(source, tail, template => build(template, new QueryParameterExpression(limitName, typeof(int))),
                out var provider, out var shape, out var values)
            ? RunAsync((Func<QueryContext, IAsyncEnumerable<TResult>>)shape.Run, shape.Template, values, provider, limitName, limit, cancellationToken)
            : null;
    }

    /// <summary>
    /// The single value of <paramref name="build"/>'s query over <paramref name="source"/> (a count, say), compiled once
    /// per <paramref name="key"/> and shape of source; or null, as <see cref="TryToListAsync{TResult}"/>.
    /// </summary>
    public static Task<TResult>? TryExecuteAsync<TResult>(
        IQueryable source, object key, Func<Expression, Expression> build, CancellationToken cancellationToken)
    {
        if (!Prepare<Task<TResult>>(source, key, build, out var provider, out var shape, out var values)) return null;
        var context = QueryContextFor(provider, shape.Template, values, cancellationToken);
        return ((Func<QueryContext, Task<TResult>>)shape.Run)(context);
    }

    /// <summary>The compiled shape of the source under this key, compiled now if it is new, and the source's values.</summary>
    private static bool Prepare<TCompiled>(
        IQueryable source, object key, Func<Expression, Expression> build,
        [NotNullWhen(true)] out TemplateQueryProvider? provider, [NotNullWhen(true)] out Shape? shape, out object?[] values)
    {
        values = [];
        shape = null;
        provider = source.Provider as TemplateQueryProvider;
        if (provider is null) return false;
        var shapes = ByTail.GetValue(key, _ => new Shapes());
        var model = provider.Model;
        var current = provider; // a lambda cannot use an out parameter
        shape = shapes.Find(model, source.Expression, out values)
            ?? shapes.Add(model, source.Expression, template => Compile<TCompiled>(current, model, build(template.Expression)), out values);
        return shape is not null;
    }

    private static QueryContext QueryContextFor(TemplateQueryProvider provider, QueryTemplate template, object?[] values, CancellationToken cancellationToken)
    {
        var context = provider.CreateQueryContext();
        context.CancellationToken = cancellationToken;
        var parameters = context.Parameters;
        for (var i = 0; i < values.Length; i++) parameters[template.Names[i]] = values[i];
        return context;
    }

    /// <summary>
    /// A template's query compiled, or the one compiled earlier for an equal query (another document of the same
    /// shape: other whitespace, aliases or field order), so that new documents cost a comparison, not a compilation.
    /// Null once <see cref="MaxCompiledQueries"/> are kept: the page then runs as any query, on EF Core's own bounded cache.
    /// </summary>
    private static object? Compile<TResult>(TemplateQueryProvider provider, IModel model, Expression query)
    {
        var key = new CompiledKey(model, query, typeof(TResult));
        if (CompiledByQuery.TryGetValue(key, out var compiled)) return compiled;
        if (CompiledByQuery.Count >= MaxCompiledQueries) return null;
#pragma warning disable EF1001 // As EF.CompileAsyncQuery does, through EF Core's query compiler.
        compiled = provider.Compiler.CreateCompiledAsyncQuery<TResult>(query);
#pragma warning restore EF1001
        return CompiledByQuery.GetOrAdd(key, compiled);
    }

    /// <summary>The queries compiled from templates so far, in this process (at most <see cref="MaxCompiledQueries"/>).</summary>
    public static IEnumerable<Expression> CompiledQueries => CompiledByQuery.Keys.Select(k => k.Query);

    private sealed record CompiledKey(IModel Model, Expression Query, Type Result);

    /// <summary>Queries equal as EF Core's own cache compares them, for the same model and result.</summary>
    private sealed class CompiledKeyComparer : IEqualityComparer<CompiledKey>
    {
        public bool Equals(CompiledKey? x, CompiledKey? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && ReferenceEquals(x.Model, y.Model) && x.Result == y.Result
                && ExpressionEqualityComparer.Instance.Equals(x.Query, y.Query));

        public int GetHashCode(CompiledKey obj) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(obj.Model), obj.Result, ExpressionEqualityComparer.Instance.GetHashCode(obj.Query));
    }

    private static async Task<List<TResult>> RunAsync<TResult>(
        Func<QueryContext, IAsyncEnumerable<TResult>> run, QueryTemplate template, object?[] values, TemplateQueryProvider provider,
        string limitName, int limit, CancellationToken cancellationToken)
    {
        var context = QueryContextFor(provider, template, values, cancellationToken);
        context.Parameters[limitName] = limit;
        var rows = new List<TResult>(Math.Min(limit, 64));
        await foreach (var row in run(context).WithCancellation(cancellationToken)) rows.Add(row);
        return rows;
    }

    private static object? TryCompile(Func<QueryTemplate, object?> compile, QueryTemplate template)
    {
        try
        {
            return compile(template);
        }
#pragma warning disable CA1031 // Whatever the compilation refused, the query runs as any other and EF Core reports it there.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
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

        public Shape? Add(IModel model, Expression source, Func<QueryTemplate, object?> compile, out object?[] values)
        {
            values = [];
            if (_shapes.Length >= MaxShapesPerTail || Volatile.Read(ref _refusals) >= MaxRefusals) return null;
            lock (_lock)
            {
                // Another request of the same shape may have compiled it meanwhile.
                if (Find(model, source, out values) is { } found) return found;
                if (_shapes.Length >= MaxShapesPerTail) return null;
                var template = QueryTemplate.TryCreate(source, out values);
                if (template is null || TryCompile(compile, template) is not { } run)
                {
                    // No template, a query EF Core refused, or the compiled queries' bound reached: a tail that keeps
                    // getting these stops trying, so its pages do not pay for the attempt on every request.
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
