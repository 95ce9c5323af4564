using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.PrivacyRequests.ReadModels;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.PrivacyRequests;
using Mediator;

namespace ConnectingNer.Application.PrivacyRequests.Commands;

/// <summary>
/// Access and portability (DPDP Act §11, GDPR Arts. 15 and 20): the customer, signed in within ten minutes, asks for
/// everything held about them. The request is verified by that sign-in and a background job writes the export within
/// minutes; the customer is emailed a download link that works for seven days. Asking again while one is open answers
/// with it.
/// </summary>
public sealed record RequestDataExportCommand : ICommand<Result<PrivacyRequestReadModel>>;

public sealed class RequestDataExportCommandHandler(
    IApplicationDbContext db, ICurrentUser user, PrivacyRequestClock clock, PrivacyRequestNotices notices, IDataExports exports, TimeProvider time)
    : ICommandHandler<RequestDataExportCommand, Result<PrivacyRequestReadModel>>
{
    public async ValueTask<Result<PrivacyRequestReadModel>> Handle(RequestDataExportCommand command, CancellationToken cancellationToken)
    {
        if (user.PartnerId is null && user.IsAuthenticated && !user.SignedInRecently(time.GetUtcNow())) return PrivacyRequestErrors.RecentSignInRequired();
        var received = await PrivacyRequestIntake.ReceiveAsync(db, user, clock, notices, time, PrivacyRequestType.Access,
            (me, regime, due, now) => PrivacyRequest.ReceiveSignedIn(me, PrivacyRequestType.Access, regime, due, now), cancellationToken);
        if (received.IsSuccess) exports.Wake();
        return received;
    }
}
