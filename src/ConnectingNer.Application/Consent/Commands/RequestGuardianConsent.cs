using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Customers;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Consent;
using Mediator;

namespace ConnectingNer.Application.Consent.Commands;

/// <summary>
/// A minor asks a guardian to consent for them: a link goes to the guardian's address; it works only for the adult
/// account with that address. Until it is followed, the minor's tracking, personalisation and marketing stay off.
/// </summary>
public sealed record RequestGuardianConsentCommand(string GuardianEmail) : ICommand<Result>;

public sealed class RequestGuardianConsentCommandHandler(
    ICurrentUser user, ICustomerReader customers, ConsentReader reader, INewsletterSubscribers mail, IConsentLinks links)
    : ICommandHandler<RequestGuardianConsentCommand, Result>
{
    public async ValueTask<Result> Handle(RequestGuardianConsentCommand command, CancellationToken cancellationToken)
    {
        if (user.PartnerId is not null || !user.TryGetPersonId(out var me)) return ConsentErrors.NotSignedInCustomer();
        var email = command.GuardianEmail?.Trim() ?? "";
        if (!NewsletterAddress.IsValid(email)) return ConsentErrors.EmailInvalid("guardianEmail");
        var found = await customers.LoadAsync([me], cancellationToken);
        if (!found.TryGetValue(me, out var minor) || !reader.IsMinor(minor)) return ConsentErrors.NotAMinor();
        if (mail.EmailIndex(email) == mail.EmailIndex(minor.Email)) return ConsentErrors.GuardianNotEligible();
        await mail.SendGuardianRequestAsync(email, links.GuardianUrl(me, mail.EmailIndex(email)), cancellationToken);
        return Result.Success();
    }
}
