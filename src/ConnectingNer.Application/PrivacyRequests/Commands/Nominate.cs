using ConnectingNer.Application.Common.Exceptions;
using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Customers;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Consent;
using ConnectingNer.Domain.PrivacyRequests;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.PrivacyRequests.Commands;

/// <summary>
/// The customer names a nominee (DPDP Act §14): name, address and relation, sealed with the customer's key. It
/// replaces any earlier nomination.
/// </summary>
public sealed record NominateCommand(string Name, string Email, string Relation) : ICommand<Result<NominationReadModel>>;

public sealed class NominateCommandHandler(IApplicationDbContext db, ICurrentUser user, ICustomerStore customers, INomineeVault vault, TimeProvider clock)
    : ICommandHandler<NominateCommand, Result<NominationReadModel>>
{
    public async ValueTask<Result<NominationReadModel>> Handle(NominateCommand command, CancellationToken cancellationToken)
    {
        if (user.PartnerId is not null || !user.TryGetPersonId(out var me)) return Accounts.AccountErrors.NotSignedIn();
        var (name, email, relation) = (command.Name?.Trim() ?? "", command.Email?.Trim() ?? "", command.Relation?.Trim() ?? "");
        var errors = new List<Error>();
        if (name.Length is 0 or > Nomination.NameMaxLength) errors.Add(PrivacyRequestErrors.NomineeInvalid("name", $"A name is 1 to {Nomination.NameMaxLength} characters."));
        if (!NewsletterAddress.IsValid(email)) errors.Add(PrivacyRequestErrors.NomineeInvalid("email", "Enter the nominee's email address."));
        if (relation.Length is 0 or > Nomination.RelationMaxLength)
            errors.Add(PrivacyRequestErrors.NomineeInvalid("relation", $"A relation (\"daughter\", \"spouse\") is 1 to {Nomination.RelationMaxLength} characters."));
        var index = errors.Count == 0 ? vault.EmailIndex(email) : "";
        if (errors.Count == 0 && await customers.Index.AnyAsync(r => r.SubjectId == me && r.EmailIndex == index, cancellationToken))
            errors.Add(PrivacyRequestErrors.NomineeInvalid("email", "Your nominee is someone other than you."));
        if (errors.Count > 0) return Result<NominationReadModel>.FromErrors(errors);

        var now = clock.GetUtcNow();
        foreach (var earlier in await db.Nominations.Where(n => n.CustomerId == me && n.EndedAt == null).ToListAsync(cancellationToken)) earlier.End(now);
        var nomination = new Nomination(me, index, await vault.SealAsync(me, new NomineeDetails(name, email, relation), cancellationToken), now);
        db.Nominations.Add(nomination);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(new NominationReadModel(nomination.Id, me, name, email, relation, now));
    }
}

/// <summary>The customer withdraws their nomination.</summary>
public sealed record WithdrawNominationCommand : ICommand<Result>;

public sealed class WithdrawNominationCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<WithdrawNominationCommand, Result>
{
    public async ValueTask<Result> Handle(WithdrawNominationCommand command, CancellationToken cancellationToken)
    {
        var me = user.PartnerId is null && user.TryGetPersonId(out var id) ? id : Guid.Empty;
        var active = await db.Nominations.Where(n => n.CustomerId == me && n.EndedAt == null).ToListAsync(cancellationToken);
        if (active.Count == 0) return new Error("nomination.none", "You have no nominee.");
        foreach (var nomination in active) nomination.End(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}

/// <summary>
/// The nominee, signed in to their own account, opens a request on the customer's behalf with a description of the
/// proof; it waits for the privacy officer's review (RECEIVED). Whoever is not the nominee of a customer with that
/// address gets the same refusal, whether or not the customer exists.
/// </summary>
public sealed record RequestOnBehalfCommand(string CustomerEmail, PrivacyRequestType Type, string Proof) : ICommand<Result<ReadModels.PrivacyRequestReadModel>>;

public sealed class RequestOnBehalfCommandHandler(
    IApplicationDbContext db, ICurrentUser user, ICustomerStore customers, PrivacyRequestClock clock, PrivacyRequestNotices notices, TimeProvider time)
    : ICommandHandler<RequestOnBehalfCommand, Result<ReadModels.PrivacyRequestReadModel>>
{
    public async ValueTask<Result<ReadModels.PrivacyRequestReadModel>> Handle(RequestOnBehalfCommand command, CancellationToken cancellationToken)
    {
        if (user.PartnerId is not null || !user.TryGetPersonId(out var nominee)) return Accounts.AccountErrors.NotSignedIn();
        if (command.Type is PrivacyRequestType.Nomination or PrivacyRequestType.Restriction or PrivacyRequestType.Objection)
            return new Error("privacy_request.type_invalid", "A nominee may ask for access, portability, correction or erasure, or file a grievance.", "type");
        // Access and erasure disclose or destroy data: the nominee signed in no longer than ten minutes ago.
        if (command.Type is PrivacyRequestType.Access or PrivacyRequestType.Portability or PrivacyRequestType.Erasure
            && !user.SignedInRecently(time.GetUtcNow()))
            return PrivacyRequestErrors.RecentSignInRequired();
        var customerIndex = customers.EmailIndex(command.CustomerEmail?.Trim() ?? "");
        var nomineeIndex = await customers.Index.Where(r => r.SubjectId == nominee).Select(r => r.EmailIndex).SingleOrDefaultAsync(cancellationToken);
        var customer = await customers.Index.Where(r => r.EmailIndex == customerIndex).Select(r => (Guid?)r.SubjectId).SingleOrDefaultAsync(cancellationToken);
        if (customer is not { } subject || nomineeIndex is null
            || !await db.Nominations.AnyAsync(n => n.CustomerId == subject && n.EndedAt == null && n.NomineeEmailIndex == nomineeIndex, cancellationToken))
            return PrivacyRequestErrors.NotNominee();

        var now = time.GetUtcNow();
        var regime = await clock.RegimeOfAsync(subject, cancellationToken);
        var created = PrivacyRequest.OnBehalf(subject, nominee, command.Type, regime, command.Proof, clock.DueAt(command.Type, regime, now), now);
        if (!created.IsSuccess) return Result<ReadModels.PrivacyRequestReadModel>.FromErrors(created.Errors);
        db.PrivacyRequests.Add(created.Value);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintException)
        {
            // The customer's own open request is theirs: the nominee learns only that one exists.
            return new Error("privacy_request.open_exists", "A request of this type is open already; the privacy officer will contact you.", "type");
        }

        // The customer hears of it too: a nominee acting while they can still act themselves is theirs to know.
        await notices.ReceivedAsync(created.Value, cancellationToken);
        var id = created.Value.Id;
        return Result.Success(await db.PrivacyRequests.AsNoTracking().Where(r => r.Id == id).Select(ReadModels.PrivacyRequestReadModel.FromEntity)
            .SingleAsync(cancellationToken));
    }
}
