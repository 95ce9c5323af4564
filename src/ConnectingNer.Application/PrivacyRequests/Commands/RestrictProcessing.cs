using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Consent;
using ConnectingNer.Application.PrivacyRequests.ReadModels;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Consent;
using ConnectingNer.Domain.PrivacyRequests;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.PrivacyRequests.Commands;

/// <summary>
/// "Stop using my information": a restriction or an objection, for some purposes or (none named) for every purpose but
/// essential processing. In force at once: every consent check honours it from the next request on, and partner views
/// (the newsletter audience) stop showing the person. The privacy officer reviews it like any request.
/// </summary>
public sealed record RestrictProcessingCommand(PrivacyRequestType Type, IReadOnlyList<string> Purposes, string? Details)
    : ICommand<Result<PrivacyRequestReadModel>>;

public sealed class RestrictProcessingCommandHandler(
    IApplicationDbContext db, ICurrentUser user, PrivacyRequestClock clock, PrivacyRequestNotices notices, ConsentReader consent, TimeProvider time)
    : ICommandHandler<RestrictProcessingCommand, Result<PrivacyRequestReadModel>>
{
    public async ValueTask<Result<PrivacyRequestReadModel>> Handle(RestrictProcessingCommand command, CancellationToken cancellationToken)
    {
        if (command.Type is not (PrivacyRequestType.Restriction or PrivacyRequestType.Objection))
            return new Error("privacy_request.type_invalid", "Ask for a RESTRICTION or an OBJECTION.", "type");
        var known = (await consent.PurposeCodesAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var errors = command.Purposes.Select((p, i) => (p, i))
            .Select(x => !known.Contains(x.p) ? ConsentErrors.UnknownPurpose($"purposes[{x.i}]")
                : x.p == ConsentPurpose.Essential ? ConsentErrors.EssentialNotWithdrawable($"purposes[{x.i}]") : null)
            .OfType<Error>().ToList();
        if (errors.Count > 0) return Result<PrivacyRequestReadModel>.FromErrors(errors);
        return await PrivacyRequestIntake.ReceiveAsync(db, user, clock, notices, time, command.Type,
            (me, regime, due, now) => PrivacyRequest.Restrict(me, command.Type, regime, command.Purposes, command.Details, due, now), cancellationToken);
    }
}

/// <summary>The customer lifts their restriction or objection: their consent decisions count again as they stand.</summary>
public sealed record LiftRestrictionCommand(int Id) : ICommand<Result<PrivacyRequestReadModel>>;

public sealed class LiftRestrictionCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider time)
    : ICommandHandler<LiftRestrictionCommand, Result<PrivacyRequestReadModel>>
{
    public async ValueTask<Result<PrivacyRequestReadModel>> Handle(LiftRestrictionCommand command, CancellationToken cancellationToken)
    {
        var me = user.PartnerId is null && user.TryGetPersonId(out var id) ? id : Guid.Empty;
        var request = await db.PrivacyRequests.Include(r => r.Steps).SingleOrDefaultAsync(r => r.Id == command.Id && r.CustomerId == me, cancellationToken);
        if (request is null) return PrivacyRequestErrors.NotFound();
        var lifted = request.Lift(time.GetUtcNow());
        if (!lifted.IsSuccess) return Result<PrivacyRequestReadModel>.FromErrors(lifted.Errors);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(await db.PrivacyRequests.AsNoTracking().Where(r => r.Id == command.Id).Select(PrivacyRequestReadModel.FromEntity)
            .SingleAsync(cancellationToken));
    }
}
