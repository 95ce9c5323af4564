using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Consent.ReadModels;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Consent;
using Mediator;

namespace ConnectingNer.Application.Consent.Commands;

/// <summary>
/// The signed-in customer accepts the current privacy policy: their acceptance is recorded (as essential processing
/// under that version) and every purpose they had granted under an older version is confirmed under it, so it holds again.
/// </summary>
public sealed record AcceptPrivacyPolicyCommand(string Version) : ICommand<Result<ConsentReceiptReadModel>>;

public sealed class AcceptPrivacyPolicyCommandHandler(ConsentWriter writer, ConsentReader reader, ICurrentUser user)
    : ICommandHandler<AcceptPrivacyPolicyCommand, Result<ConsentReceiptReadModel>>
{
    public async ValueTask<Result<ConsentReceiptReadModel>> Handle(AcceptPrivacyPolicyCommand command, CancellationToken cancellationToken)
    {
        if (user.PartnerId is not null || !user.TryGetPersonId(out var me)) return ConsentErrors.NotSignedInCustomer();
        var terms = await reader.TermsAsync(cancellationToken);
        if (!terms.AllVersions.Contains(command.Version ?? "")) return ConsentErrors.PolicyVersionUnknown("version");
        if (command.Version != terms.CurrentVersion) return ConsentErrors.PolicyVersionNotCurrent();

        var state = await reader.ForCustomerAsync(me, cancellationToken);
        List<ConsentChoice> confirmed = [new(ConsentPurpose.Essential, true),
            .. state.Decisions.Where(d => d.Suspension == ConsentSuspension.PolicyReviewRequired).Select(d => new ConsentChoice(d.Purpose, true))];
        return await writer.RecordAsync(ConsentSubject.Customer(me), confirmed, terms.CurrentVersion, ConsentSource.AccountSettings,
            cancellationToken);
    }
}
