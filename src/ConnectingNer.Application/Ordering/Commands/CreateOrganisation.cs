using ConnectingNer.Application.Accounts;
using ConnectingNer.Application.Common.Exceptions;
using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Ordering.ReadModels;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Ordering;
using Mediator;

namespace ConnectingNer.Application.Ordering.Commands;

/// <summary>A signed-in customer registers their business (B2B) and becomes its first administrator.</summary>
public sealed record CreateOrganisationCommand(string LegalName, string Gstin, string Line1, string? Line2, string City, string State, string PostalCode)
    : ICommand<Result<OrganisationReadModel>>;

public sealed class CreateOrganisationCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CreateOrganisationCommand, Result<OrganisationReadModel>>
{
    public async ValueTask<Result<OrganisationReadModel>> Handle(CreateOrganisationCommand command, CancellationToken cancellationToken)
    {
        if (user.PartnerId is not null || !user.TryGetPersonId(out var me)) return AccountErrors.NotSignedIn();
        var created = Organisation.Create(command.LegalName, command.Gstin, command.Line1, command.Line2, command.City, command.State,
            command.PostalCode, me, clock.GetUtcNow());
        if (!created.IsSuccess) return Result<OrganisationReadModel>.FromErrors(created.Errors);
        db.Organisations.Add(created.Value);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintException)
        {
            return OrderingErrors.GstinTaken();
        }

        return Result.Success(OrganisationReadModel.From(created.Value, me));
    }
}
