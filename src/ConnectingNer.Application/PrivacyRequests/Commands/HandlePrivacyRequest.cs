using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.PrivacyRequests.ReadModels;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.PrivacyRequests;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.PrivacyRequests.Commands;

/// <summary>What the privacy officer does with a request in the queue.</summary>
public enum PrivacyRequestAction
{
    Verify,
    Assign,
    Extend,
    Complete,
    Reject,
}

/// <summary>
/// The privacy officer verifies a request (the identity, or a nominee's proof, is checked), takes it (assign: to themself, IN_PROGRESS), extends a GDPR request once (up to two
/// months, with the reason), completes it with the answer the customer sees, or rejects it with the reason. Each step
/// is on record with its time and actor.
/// </summary>
[Authorize(Policies.PrivacyOfficer)]
public sealed record HandlePrivacyRequestCommand(int Id, PrivacyRequestAction Action, string? Text = null, int Months = 0)
    : ICommand<Result<PrivacyRequestReadModel>>;

public sealed class HandlePrivacyRequestCommandHandler(
    IApplicationDbContext db, ICurrentUser user, PrivacyRequestNotices notices, IPersonalDataEraser eraser, IDataExports exports, TimeProvider clock)
    : ICommandHandler<HandlePrivacyRequestCommand, Result<PrivacyRequestReadModel>>
{
    public async ValueTask<Result<PrivacyRequestReadModel>> Handle(HandlePrivacyRequestCommand command, CancellationToken cancellationToken)
    {
        var request = await db.PrivacyRequests.Include(r => r.Steps).SingleOrDefaultAsync(r => r.Id == command.Id, cancellationToken);
        if (request is null) return PrivacyRequestErrors.NotFound();
        var staff = user.SubjectId ?? "unknown";
        var now = clock.GetUtcNow();
        // Completing an erasure (a nominee's, once its proof was verified) carries it out: refused while a hold or an open order stands.
        if (command.Action == PrivacyRequestAction.Complete && request.Type == PrivacyRequestType.Erasure && request.Status != PrivacyRequestStatus.Received
            && request.IsOpen)
        {
            var preview = await eraser.PreviewAsync(request.CustomerId, cancellationToken);
            if (preview.Blockers.Count > 0)
                return Result<PrivacyRequestReadModel>.FromErrors([.. preview.Blockers.Select(b => new Error(b.Code, b.Message))]);
            await eraser.EraseAsync(request.CustomerId, request.Id, preview, cancellationToken);
        }

        var done = command.Action switch
        {
            PrivacyRequestAction.Verify => request.Verify(staff, now),
            PrivacyRequestAction.Assign => request.Assign(staff, now),
            PrivacyRequestAction.Extend => request.Extend(command.Months, command.Text ?? "", staff, now),
            PrivacyRequestAction.Complete => request.Complete(command.Text ?? "", staff, now),
            _ => request.Reject(command.Text ?? "", staff, now),
        };
        if (!done.IsSuccess) return Result<PrivacyRequestReadModel>.FromErrors(done.Errors);
        await db.SaveChangesAsync(cancellationToken);
        if (!request.IsOpen) await notices.ClosedAsync(request, cancellationToken);
        else if (command.Action == PrivacyRequestAction.Verify) await notices.VerifiedAsync(request, cancellationToken);
        // A verified access request is the export job's to carry out: it starts now (after the commit, it finds the request).
        if (command.Action == PrivacyRequestAction.Verify && request.Type == PrivacyRequestType.Access) exports.Wake();
        return Result.Success(await db.PrivacyRequests.AsNoTracking().Where(r => r.Id == command.Id).Select(PrivacyRequestReadModel.FromEntity)
            .SingleAsync(cancellationToken));
    }
}
