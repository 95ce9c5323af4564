using GraphQL.Types;

namespace ConnectingNer.GraphQL.Server.Relay;

public sealed class NodeInterfaceType : InterfaceGraphType
{
    public NodeInterfaceType()
    {
        Name = "Node";
        Description = "An object with a global id, which `node(id:)` can fetch again.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The global id of the object.");
    }
}
