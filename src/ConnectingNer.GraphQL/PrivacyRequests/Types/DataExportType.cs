using ConnectingNer.Application.PrivacyRequests;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.PrivacyRequests.Types;

public sealed class DataExportType : ObjectGraphType<DataExportReadModel>
{
    public DataExportType()
    {
        Name = "DataExport";
        Description = "A file with everything we hold about you (JSON), made for an access request; downloadable until it expires, then deleted.";
        Field(e => e.Reference).Description("The access request it answers (`PR-2026-000042`).");
        Field(e => e.CreatedAt).Description("When it was written.");
        Field(e => e.ExpiresAt).Description("When the link stops working and the file is deleted (7 days after it was written).");
        Field(e => e.SizeInBytes).Description("The file's size.");
        Field(e => e.DownloadUrl).Description("The signed download link. Anyone holding it can download the file until it expires: do not share it.");
    }
}
