using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Consent.ReadModels;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Consent.Queries;

/// <summary>The privacy policy in force (the latest published version).</summary>
public sealed record GetPrivacyPolicyQuery : IQuery<PrivacyPolicyReadModel>;

public sealed class GetPrivacyPolicyQueryHandler(IApplicationDbContext db) : IQueryHandler<GetPrivacyPolicyQuery, PrivacyPolicyReadModel>
{
    public async ValueTask<PrivacyPolicyReadModel> Handle(GetPrivacyPolicyQuery query, CancellationToken cancellationToken) =>
        PrivacyPolicyReadModel.From(await db.PrivacyPolicyVersions.AsNoTracking().OrderByDescending(v => v.PublishedAt).FirstAsync(cancellationToken));
}

/// <summary>Every published version, newest first.</summary>
public sealed record ListPrivacyPolicyVersionsQuery : IQuery<IReadOnlyList<PrivacyPolicyReadModel>>;

public sealed class ListPrivacyPolicyVersionsQueryHandler(IApplicationDbContext db)
    : IQueryHandler<ListPrivacyPolicyVersionsQuery, IReadOnlyList<PrivacyPolicyReadModel>>
{
    public async ValueTask<IReadOnlyList<PrivacyPolicyReadModel>> Handle(ListPrivacyPolicyVersionsQuery query, CancellationToken cancellationToken) =>
        (await db.PrivacyPolicyVersions.AsNoTracking().OrderByDescending(v => v.PublishedAt).ToListAsync(cancellationToken))
        .Select(PrivacyPolicyReadModel.From).ToList();
}
