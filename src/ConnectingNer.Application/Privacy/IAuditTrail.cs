using ConnectingNer.Application.Privacy.ReadModels;

namespace ConnectingNer.Application.Privacy;

/// <summary>The disclosure record (append-only in the database).</summary>
public interface IAuditTrail
{
    IQueryable<DisclosureReadModel> Disclosures { get; }
}
