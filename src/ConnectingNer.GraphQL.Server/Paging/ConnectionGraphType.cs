using ConnectingNer.GraphQL.Server.Execution;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Server.Paging;

/// <summary>
/// A HotChocolate-style connection <c>{ nodes edges { cursor node } pageInfo totalCount }</c>. Subclasses name it
/// after the field (<c>BooksConnection</c> for <c>books</c>); its edge type is named alike (<c>BooksEdge</c>).
/// </summary>
public abstract class ConnectionGraphType<TNodeType, TNode> : ObjectGraphType<Connection<TNode>>
    where TNodeType : IGraphType
{
    protected ConnectionGraphType(string name, string nodeDescription)
    {
        Name = name;
        Description = "A connection to a list of items.";
        var edgeName = name.EndsWith("Connection", StringComparison.Ordinal) ? name[..^"Connection".Length] + "Edge" : name + "Edge";

        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo")
            .Description("Information to aid in pagination.")
            .ResolveFromSource(c => c.PageInfo);
        AddField(new FieldType
        {
            Name = "edges",
            Description = "A list of edges.",
            ResolvedType = new ListGraphType(new NonNullGraphType(new EdgeGraphType(edgeName, nodeDescription))),
            Resolver = new FuncFieldResolver<Connection<TNode>, object>(ctx => ctx.Source.Edges),
        });
        Field<ListGraphType<NonNullGraphType<TNodeType>>>("nodes")
            .Description("A flattened list of the nodes.")
            .Resolve(ctx => ctx.Source.Nodes);
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("Identifies the total count of items in the connection (counted only when selected).")
            .ResolveAsync(async ctx => await ctx.Source.CountAsync(ctx.CancellationToken));
    }

    private sealed class EdgeGraphType : ObjectGraphType<Edge<TNode>>
    {
        public EdgeGraphType(string name, string nodeDescription)
        {
            Name = name;
            Description = "An edge in a connection.";
            Field<NonNullGraphType<StringGraphType>>("cursor")
                .Description("A cursor for use in pagination.")
                .ResolveFromSource(e => e.Cursor);
            Field<NonNullGraphType<TNodeType>>("node")
                .Description(nodeDescription)
                .ResolveFromSource(e => e.Node);
        }
    }
}
