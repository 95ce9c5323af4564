using ConnectingNer.GraphQL.Server.Errors;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace ConnectingNer.GraphQL.Server.Relay;

/// <summary>Fetches objects by global id, one query per type for any number of ids.</summary>
public sealed class NodeResolvers
{
    public const int MaxIds = 50;

    private readonly Dictionary<string, Fetcher> _fetchers = new(StringComparer.Ordinal);

    private sealed record Fetcher(Func<string, bool> IsKey, Func<IResolveFieldContext, IReadOnlyList<string>, Task<IReadOnlyDictionary<string, object>>> Fetch);

    /// <summary>Registers how to fetch the objects of <paramref name="typeName"/> by integer key (only those the caller may see).</summary>
    public NodeResolvers Register(string typeName, Func<IResolveFieldContext, IReadOnlyList<int>, Task<IReadOnlyDictionary<int, object>>> fetch)
    {
        _fetchers[typeName] = new Fetcher(
            text => GlobalId.TryParseIntKey(text, out _),
            async (context, keys) => (await fetch(context, [.. keys.Select(k => int.Parse(k, System.Globalization.CultureInfo.InvariantCulture))]))
                .ToDictionary(p => p.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), p => p.Value));
        return this;
    }

    /// <summary>
    /// Registers how to fetch the objects of <paramref name="typeName"/> by GUID key. The fetch returns only the objects
    /// the caller may see: the others answer "not found", like ids that do not exist, so an id reveals nothing.
    /// </summary>
    public NodeResolvers Register(string typeName, Func<IResolveFieldContext, IReadOnlyList<Guid>, Task<IReadOnlyDictionary<Guid, object>>> fetch)
    {
        _fetchers[typeName] = new Fetcher(
            text => GlobalId.TryParseGuidKey(text, out _),
            async (context, keys) => (await fetch(context, [.. keys.Select(k => Guid.ParseExact(k, "D"))])).ToDictionary(p => p.Key.ToString("D"), p => p.Value));
        return this;
    }

    /// <summary>Adds <c>node(id:)</c> and <c>nodes(ids:)</c> to the query type.</summary>
    public static void AddFieldsTo(ObjectGraphType query)
    {
        query.Field<NodeInterfaceType>("node")
            .Description("Fetches an object by its global id; null with a `NOT_FOUND` error when there is none (or it is not yours to see).")
            .Argument<NonNullGraphType<IdGraphType>>("id", "A global id.")
            .ResolveAsync(async ctx => (await Resolvers(ctx).FetchAsync(ctx, [ctx.GetArgument<string>("id")]))[0]);

        query.Field<NonNullGraphType<ListGraphType<NodeInterfaceType>>>("nodes")
            .Description($"Fetches objects by global id, in the order given (at most {MaxIds}); an unknown id gives null at its place and an error.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids", "Global ids.")
            .ResolveAsync(async ctx =>
            {
                var ids = ctx.GetArgument<List<string>>("ids");
                if (ids.Count > MaxIds) throw new CodedError(ErrorCodes.InvalidId, $"'ids' takes at most {MaxIds} ids.");
                return await Resolvers(ctx).FetchAsync(ctx, ids);
            });
    }

    private static NodeResolvers Resolvers(IResolveFieldContext context) =>
        (NodeResolvers)context.RequestServices!.GetService(typeof(NodeResolvers))!;

    private async Task<object?[]> FetchAsync(IResolveFieldContext context, IReadOnlyList<string> ids)
    {
        var results = new object?[ids.Count];
        var wanted = new Dictionary<string, List<(int Index, string Key)>>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            if (!GlobalId.TryDecode(ids[i], out var type, out var key) || !_fetchers.TryGetValue(type, out var fetcher) || !fetcher.IsKey(key))
            {
                Report(context, ids.Count > 1 ? i : null, ErrorCodes.InvalidId, $"'{Shorten(ids[i])}' is not a valid id.");
                continue;
            }

            if (!wanted.TryGetValue(type, out var list)) wanted[type] = list = [];
            list.Add((i, key));
        }

        foreach (var (type, items) in wanted)
        {
            var found = await _fetchers[type].Fetch(context, items.Select(i => i.Key).Distinct().ToList());
            foreach (var (index, key) in items)
            {
                if (found.TryGetValue(key, out var value)) results[index] = value;
                else Report(context, ids.Count > 1 ? index : null, ErrorCodes.NotFound, "No object has this id.");
            }
        }

        return results;
    }

    private static void Report(IResolveFieldContext context, int? index, string code, string message)
    {
        var path = index is null ? context.ResponsePath : context.ResponsePath.Append(index.Value);
        var error = new CodedError(code, message) { Path = path };
        error.AddLocation(context.FieldAst, context.Document);
        context.Errors.Add(error);
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
