using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Customers;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Consent;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Consent.Commands;

/// <summary>
/// The guardian follows the link, signed in to their own account: it must be the adult account (a birth date 18 or
/// more years ago, or the affirmation of legal age) with the address the link was sent to. Then the minor's own
/// consent decisions hold. <paramref name="Account"/> is the signed-in account when the host's page (with its session
/// cookie) sends the command; through the API, the caller.
/// </summary>
public sealed record ConfirmGuardianConsentCommand(string Token, Guid? Account = null) : ICommand<Result>;

public sealed class ConfirmGuardianConsentCommandHandler(
    IApplicationDbContext db, ICurrentUser user, IConsentLinks links, ICustomerStore store, ICustomerReader customers, ConsentReader reader,
    TimeProvider clock) : ICommandHandler<ConfirmGuardianConsentCommand, Result>
{
    public async ValueTask<Result> Handle(ConfirmGuardianConsentCommand command, CancellationToken cancellationToken)
    {
        if (!links.TryReadGuardian(command.Token, out var minor, out var emailIndex)) return ConsentErrors.LinkInvalid("token");
        Guid guardian;
        if (command.Account is { } account) guardian = account;
        else if (user.PartnerId is not null || !user.TryGetPersonId(out guardian)) return ConsentErrors.NotSignedInCustomer();

        var holdsAddress = await store.Index.AnyAsync(r => r.SubjectId == guardian && r.EmailIndex == emailIndex, cancellationToken);
        var found = await customers.LoadAsync([guardian], cancellationToken);
        var adult = found.TryGetValue(guardian, out var person) && !reader.IsMinor(person) && (person.BirthDate is not null || person.LegalAgeAffirmed);
        if (guardian == minor || !holdsAddress || !adult) return ConsentErrors.GuardianNotEligible();

        db.GuardianConsents.Add(new GuardianConsent(minor, guardian, granted: true, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
