using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Customers;
using ConnectingNer.Application.Ordering.ReadModels;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Ordering;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Ordering.Commands;

/// <summary>The invited customer (signed in with the invited address) joins the organisation in the role they were invited to.</summary>
public sealed record AcceptOrganisationInvitationCommand(int OrganisationId) : ICommand<Result<OrganisationReadModel>>;

public sealed class AcceptOrganisationInvitationCommandHandler(IApplicationDbContext db, ICustomerStore customers, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<AcceptOrganisationInvitationCommand, Result<OrganisationReadModel>>
{
    public async ValueTask<Result<OrganisationReadModel>> Handle(AcceptOrganisationInvitationCommand command, CancellationToken cancellationToken)
    {
        var index = await Organisations.MyEmailIndexAsync(customers, user, cancellationToken);
        var invitation = index is null ? null : await db.OrganisationInvitations
            .SingleOrDefaultAsync(i => i.OrganisationId == command.OrganisationId && i.EmailIndex == index, cancellationToken);
        if (invitation is null) return OrderingErrors.InvitationNotFound();
        user.TryGetPersonId(out var me);
        var organisation = await db.Organisations.Include(o => o.Members).SingleAsync(o => o.Id == command.OrganisationId, cancellationToken);
        organisation.Join(me, invitation.Role, clock.GetUtcNow());
        db.OrganisationInvitations.Remove(invitation);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(OrganisationReadModel.From(organisation, me));
    }
}
