using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.PrivacyRequests.ReadModels;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.PrivacyRequests;
using Mediator;

namespace ConnectingNer.Application.PrivacyRequests.Commands;

/// <summary>
/// A customer's grievance (DPDP Act §13): acknowledged at once with a reference and a due date, answered by the privacy
/// officer through the queue. While one is open, filing again answers with the open one.
/// </summary>
public sealed record FileGrievanceCommand(string? Subject, string Details) : ICommand<Result<PrivacyRequestReadModel>>;

public sealed class FileGrievanceCommandHandler(
    IApplicationDbContext db, ICurrentUser user, PrivacyRequestClock clock, PrivacyRequestNotices notices, TimeProvider time)
    : ICommandHandler<FileGrievanceCommand, Result<PrivacyRequestReadModel>>
{
    public async ValueTask<Result<PrivacyRequestReadModel>> Handle(FileGrievanceCommand command, CancellationToken cancellationToken) =>
        await PrivacyRequestIntake.ReceiveAsync(db, user, clock, notices, time, PrivacyRequestType.Grievance,
            (me, regime, due, now) => PrivacyRequest.Receive(me, PrivacyRequestType.Grievance, regime, command.Subject, command.Details, due, now),
            cancellationToken);
}
