using ConnectingNer.Application.Common.Security;
using Mediator;

namespace ConnectingNer.Application.PrivacyRequests.Queries;

/// <summary>The signed-in customer's exports whose download links still work.</summary>
public sealed record ListMyDataExportsQuery : IQuery<IReadOnlyList<DataExportReadModel>>;

public sealed class ListMyDataExportsQueryHandler(ICurrentUser user, IDataExports exports) : IQueryHandler<ListMyDataExportsQuery, IReadOnlyList<DataExportReadModel>>
{
    public async ValueTask<IReadOnlyList<DataExportReadModel>> Handle(ListMyDataExportsQuery query, CancellationToken cancellationToken) =>
        user.PartnerId is null && user.TryGetPersonId(out var me) ? await exports.MineAsync(me, cancellationToken) : [];
}
