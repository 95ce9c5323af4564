using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Consent.ReadModels;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Consent.Queries;

/// <summary>Every purpose of processing, in display order (anyone may read them: the banner shows them).</summary>
public sealed record ListConsentPurposesQuery : IQuery<IReadOnlyList<ConsentPurposeReadModel>>;

public sealed class ListConsentPurposesQueryHandler(IApplicationDbContext db) : IQueryHandler<ListConsentPurposesQuery, IReadOnlyList<ConsentPurposeReadModel>>
{
    public async ValueTask<IReadOnlyList<ConsentPurposeReadModel>> Handle(ListConsentPurposesQuery query, CancellationToken cancellationToken) =>
        (await db.ConsentPurposes.AsNoTracking().OrderBy(p => p.Position).ToListAsync(cancellationToken)).Select(ConsentPurposeReadModel.From).ToList();
}
