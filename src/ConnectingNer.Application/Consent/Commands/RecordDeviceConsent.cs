using ConnectingNer.Application.Consent.ReadModels;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Consent;
using Mediator;

namespace ConnectingNer.Application.Consent.Commands;

/// <summary>
/// The cookie banner's decisions for an anonymous device, under the policy version the banner showed (no sign-in).
/// Decisions under a version older than the latest material change are kept but do not hold.
/// </summary>
public sealed record RecordDeviceConsentCommand(string DeviceId, IReadOnlyList<ConsentChoice> Decisions, string PolicyVersion)
    : ICommand<Result<ConsentReceiptReadModel>>;

public sealed class RecordDeviceConsentCommandHandler(ConsentWriter writer, ConsentReader reader)
    : ICommandHandler<RecordDeviceConsentCommand, Result<ConsentReceiptReadModel>>
{
    public async ValueTask<Result<ConsentReceiptReadModel>> Handle(RecordDeviceConsentCommand command, CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        if (!DeviceIds.TryParse(command.DeviceId, out var device)) errors.Add(ConsentErrors.DeviceIdInvalid());
        var terms = await reader.TermsAsync(cancellationToken);
        if (!terms.AllVersions.Contains(command.PolicyVersion ?? "")) errors.Add(ConsentErrors.PolicyVersionUnknown());
        if (errors.Count > 0) return Result<ConsentReceiptReadModel>.FromErrors(errors);
        return await writer.RecordAsync(ConsentSubject.Device(device), command.Decisions, command.PolicyVersion!, ConsentSource.Banner,
            cancellationToken);
    }
}
