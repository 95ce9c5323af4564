using GraphQL.Types;

namespace ConnectingNer.GraphQL.Server;

internal static class GraphTypeExtensions
{
    /// <summary>The named type inside non-null and list wrappers.</summary>
    public static IGraphType? Unwrap(this IGraphType? type) => type switch
    {
        NonNullGraphType nonNull => nonNull.ResolvedType.Unwrap(),
        ListGraphType list => list.ResolvedType.Unwrap(),
        _ => type,
    };
}
