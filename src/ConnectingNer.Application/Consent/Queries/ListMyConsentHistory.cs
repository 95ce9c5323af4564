using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Consent.ReadModels;
using Mediator;

namespace ConnectingNer.Application.Consent.Queries;

/// <summary>Every consent decision of the signed-in customer, newest first (devices' decisions merged on sign-in included).</summary>
public sealed record ListMyConsentHistoryQuery : IQuery<IQueryable<ConsentRecordReadModel>>;

public sealed class ListMyConsentHistoryQueryHandler(IApplicationDbContext db, ICurrentUser user)
    : IQueryHandler<ListMyConsentHistoryQuery, IQueryable<ConsentRecordReadModel>>
{
    public ValueTask<IQueryable<ConsentRecordReadModel>> Handle(ListMyConsentHistoryQuery query, CancellationToken cancellationToken)
    {
        Guid? me = user.PartnerId is null && user.TryGetPersonId(out var id) ? id : Guid.Empty;
        return ValueTask.FromResult(db.ConsentRecords.Where(r => r.CustomerId == me).Select(r => new ConsentRecordReadModel
        {
            Id = r.Id, Purpose = r.Purpose, Granted = r.Granted, PolicyVersion = r.PolicyVersion, Source = r.Source,
            RecordedAt = r.RecordedAt, ClientId = r.ClientId, DeviceId = r.DeviceId,
        }));
    }
}
