using ConnectingNer.GraphQL.Server.Relay;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Common;

/// <summary>A feature's root query fields (its <c>…Queries</c> class). Discovered: <see cref="QueryType"/> adds them all.</summary>
public interface IQueryFields
{
    void AddTo(ObjectGraphType query);
}

/// <summary>A feature's root mutation fields (its <c>…Mutations</c> class). Discovered: <see cref="MutationType"/> adds them all.</summary>
public interface IMutationFields
{
    void AddTo(ObjectGraphType mutation);
}

/// <summary>How <c>node(id:)</c> fetches a feature's node types. Discovered: every one is registered at start-up.</summary>
public interface INodeSource
{
    void AddTo(NodeResolvers nodes);
}

/// <summary>Finds the features' contributions in this assembly, in a stable order (by type name).</summary>
internal static class Features
{
    public static IEnumerable<T> All<T>() => typeof(Features).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(T).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (T)Activator.CreateInstance(t)!);

    public static NodeResolvers Nodes()
    {
        var nodes = new NodeResolvers();
        foreach (var source in All<INodeSource>()) source.AddTo(nodes);
        return nodes;
    }
}
