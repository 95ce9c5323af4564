using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Consent.ReadModels;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Consent;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Consent.Commands;

/// <summary>
/// After signing in: the device's decisions enter the customer's history where they are newer than the customer's own
/// for that purpose (newer wins). Both stay on record: the device's rows are not touched, the customer's copies name the
/// device and keep the decision's time, version and source.
/// </summary>
public sealed record MergeDeviceConsentCommand(string DeviceId) : ICommand<Result<ConsentReceiptReadModel>>;

public sealed class MergeDeviceConsentCommandHandler(IApplicationDbContext db, ConsentWriter writer, ICurrentUser user)
    : ICommandHandler<MergeDeviceConsentCommand, Result<ConsentReceiptReadModel>>
{
    public async ValueTask<Result<ConsentReceiptReadModel>> Handle(MergeDeviceConsentCommand command, CancellationToken cancellationToken)
    {
        if (user.PartnerId is not null || !user.TryGetPersonId(out var me)) return ConsentErrors.NotSignedInCustomer();
        if (!DeviceIds.TryParse(command.DeviceId, out var device)) return ConsentErrors.DeviceIdInvalid();

        var records = await db.ConsentRecords.AsNoTracking()
            .Where(r => (r.DeviceId == device && r.CustomerId == null) || r.CustomerId == me).ToListAsync(cancellationToken);
        if (!records.Any(r => r.CustomerId is null)) return ConsentErrors.DeviceUnknown();

        var merged = new List<ConsentRecord>();
        foreach (var purpose in records.Select(r => r.Purpose).Distinct())
        {
            var latest = records.Where(r => r.Purpose == purpose).OrderBy(r => r.RecordedAt).ThenBy(r => r.Id).Last();
            // Already in the customer's history (merged before, or theirs and newer): nothing to copy.
            if (latest.CustomerId is null) merged.Add(latest.MergedInto(me));
        }

        db.ConsentRecords.AddRange(merged);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(await writer.AnswerAsync(ConsentSubject.Customer(me), merged, cancellationToken));
    }
}
