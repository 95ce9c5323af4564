using ConnectingNer.GraphQL.Server.Execution;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Server.Paging;

public sealed class PageInfoGraphType : ObjectGraphType<PageInfo>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Description = "Information about pagination in a connection.";
        this.SourceField(p => p.HasNextPage).Description("Indicates whether more edges exist following the set defined by the clients arguments.");
        this.SourceField(p => p.HasPreviousPage).Description("Indicates whether more edges exist prior the set defined by the clients arguments.");
        this.SourceField(p => p.StartCursor, nullable: true).Description("When paginating backwards, the cursor to continue.");
        this.SourceField(p => p.EndCursor, nullable: true).Description("When paginating forwards, the cursor to continue.");
    }
}
