using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Consent.ReadModels;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Consent;
using Mediator;

namespace ConnectingNer.Application.Consent.Queries;

/// <summary>
/// A device's consent as Google Consent Mode v2 keys. A signed-in customer's own consent governs the device they use.
/// </summary>
public sealed record GetConsentModeStateQuery(string DeviceId) : IQuery<Result<ConsentModeReadModel>>;

public sealed class GetConsentModeStateQueryHandler(ConsentReader reader, ICurrentUser user)
    : IQueryHandler<GetConsentModeStateQuery, Result<ConsentModeReadModel>>
{
    public async ValueTask<Result<ConsentModeReadModel>> Handle(GetConsentModeStateQuery query, CancellationToken cancellationToken)
    {
        if (!DeviceIds.TryParse(query.DeviceId, out var device)) return ConsentErrors.DeviceIdInvalid();
        var state = user.PartnerId is null && user.TryGetPersonId(out var me)
            ? await reader.ForCustomerAsync(me, cancellationToken)
            : await reader.ForAsync(ConsentSubject.Device(device), cancellationToken);
        return Result.Success(ConsentModeReadModel.From(state));
    }
}
