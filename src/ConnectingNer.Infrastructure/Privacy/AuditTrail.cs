using ConnectingNer.Application.Privacy;
using ConnectingNer.Application.Privacy.ReadModels;
using ConnectingNer.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Infrastructure.Privacy;

public sealed class AuditTrail(AppDbContext db) : IAuditTrail
{
    public IQueryable<DisclosureReadModel> Disclosures => db.AuditEvents.AsNoTracking().Select(e => new DisclosureReadModel
    {
        Id = e.Id, OccurredAt = e.OccurredAt, ActorSubject = e.ActorSubject, ClientId = e.ClientId, ActorRoles = e.ActorRoles,
        ActorScopes = e.ActorScopes, Purpose = e.Purpose, SubjectId = e.SubjectId, Categories = e.Categories, Fields = e.Fields,
        Masked = e.Masked, OperationName = e.OperationName, DocumentHash = e.DocumentHash,
    });
}
