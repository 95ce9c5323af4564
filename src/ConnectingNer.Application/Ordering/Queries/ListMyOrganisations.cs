using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Customers;
using ConnectingNer.Application.Ordering.ReadModels;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Ordering.Queries;

/// <summary>The organisations the signed-in customer belongs to.</summary>
public sealed record ListMyOrganisationsQuery : IQuery<IReadOnlyList<OrganisationReadModel>>;

/// <summary>Invitations addressed to the signed-in customer's email address.</summary>
public sealed record ListMyOrganisationInvitationsQuery : IQuery<IReadOnlyList<OrganisationInvitationReadModel>>;

public sealed class OrganisationQueriesHandler(IApplicationDbContext db, ICustomerStore customers, ICurrentUser user)
    : IQueryHandler<ListMyOrganisationsQuery, IReadOnlyList<OrganisationReadModel>>,
      IQueryHandler<ListMyOrganisationInvitationsQuery, IReadOnlyList<OrganisationInvitationReadModel>>
{
    public async ValueTask<IReadOnlyList<OrganisationReadModel>> Handle(ListMyOrganisationsQuery query, CancellationToken cancellationToken)
    {
        if (user.PartnerId is not null || !user.TryGetPersonId(out var me)) return [];
        var organisations = await db.Organisations.AsNoTracking().Include(o => o.Members)
            .Where(o => o.Members.Any(m => m.CustomerId == me)).OrderBy(o => o.LegalName).ToListAsync(cancellationToken);
        return [.. organisations.Select(o => OrganisationReadModel.From(o, me))];
    }

    public async ValueTask<IReadOnlyList<OrganisationInvitationReadModel>> Handle(ListMyOrganisationInvitationsQuery query, CancellationToken cancellationToken)
    {
        var index = await Organisations.MyEmailIndexAsync(customers, user, cancellationToken);
        if (index is null) return [];
        var invitations = db.OrganisationInvitations.AsNoTracking().Where(i => i.EmailIndex == index);
        return await invitations.Join(db.Organisations.AsNoTracking(), i => i.OrganisationId, o => o.Id,
            (i, o) => new OrganisationInvitationReadModel(o.Id, o.LegalName, i.Role, i.InvitedAt)).ToListAsync(cancellationToken);
    }
}
