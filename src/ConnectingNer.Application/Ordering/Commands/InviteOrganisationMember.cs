using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Customers;
using ConnectingNer.Application.Ordering.ReadModels;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Ordering;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Ordering.Commands;

/// <summary>
/// An administrator invites someone by email address, as a buyer or an administrator. Only the address's keyed
/// hash is kept, and the answer is the same whether or not the address has an account (no enumeration); the
/// person accepts after signing in with that address.
/// </summary>
public sealed record InviteOrganisationMemberCommand(int OrganisationId, string Email, OrganisationRole Role) : ICommand<Result<OrganisationReadModel>>;

public sealed class InviteOrganisationMemberCommandHandler(IApplicationDbContext db, ICustomerStore customers, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<InviteOrganisationMemberCommand, Result<OrganisationReadModel>>
{
    public async ValueTask<Result<OrganisationReadModel>> Handle(InviteOrganisationMemberCommand command, CancellationToken cancellationToken)
    {
        var organisation = await Organisations.OfMemberAsync(db, user, command.OrganisationId, cancellationToken);
        if (organisation is null) return OrderingErrors.OrganisationNotFound();
        user.TryGetPersonId(out var me);
        if (organisation.RoleOf(me) != OrganisationRole.Admin) return OrderingErrors.NotOrganisationAdmin();
        var index = customers.EmailIndex(command.Email);
        await db.OrganisationInvitations.Where(i => i.OrganisationId == organisation.Id && i.EmailIndex == index).ExecuteDeleteAsync(cancellationToken);
        db.OrganisationInvitations.Add(new OrganisationInvitation(organisation.Id, index, command.Role, me, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(OrganisationReadModel.From(organisation, me));
    }
}
