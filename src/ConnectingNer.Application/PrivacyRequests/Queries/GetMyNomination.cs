using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.PrivacyRequests.Queries;

/// <summary>The signed-in customer's nominee, if any.</summary>
public sealed record GetMyNominationQuery : IQuery<NominationReadModel?>;

public sealed class GetMyNominationQueryHandler(IApplicationDbContext db, ICurrentUser user, INomineeVault vault) : IQueryHandler<GetMyNominationQuery, NominationReadModel?>
{
    public async ValueTask<NominationReadModel?> Handle(GetMyNominationQuery query, CancellationToken cancellationToken)
    {
        if (user.PartnerId is not null || !user.TryGetPersonId(out var me)) return null;
        var nomination = await db.Nominations.AsNoTracking().Where(n => n.CustomerId == me && n.EndedAt == null).OrderByDescending(n => n.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (nomination is null || await vault.OpenAsync(me, nomination.SealedNominee, cancellationToken) is not { } nominee) return null;
        return new NominationReadModel(nomination.Id, me, nominee.Name, nominee.Email, nominee.Relation, nomination.NominatedAt);
    }
}
