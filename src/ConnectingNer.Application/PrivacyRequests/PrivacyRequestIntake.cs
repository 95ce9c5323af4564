using ConnectingNer.Application.Common.Exceptions;
using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.PrivacyRequests.ReadModels;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.PrivacyRequests;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.PrivacyRequests;

/// <summary>How every kind of request comes in: for the signed-in customer only, one open request per type, acknowledged by email.</summary>
public static class PrivacyRequestIntake
{
    /// <param name="create">Makes the request: the customer, the regime, the due date, now.</param>
    public static async Task<Result<PrivacyRequestReadModel>> ReceiveAsync(IApplicationDbContext db, ICurrentUser user, PrivacyRequestClock clock,
        PrivacyRequestNotices notices, TimeProvider time, PrivacyRequestType type,
        Func<Guid, PrivacyRegime, DateTimeOffset, DateTimeOffset, Result<PrivacyRequest>> create, CancellationToken cancellationToken)
    {
        if (user.PartnerId is not null || !user.TryGetPersonId(out var me)) return Accounts.AccountErrors.NotSignedIn();
        if (await OpenAsync(db, me, type, cancellationToken) is { } open) return Result.Success(open);

        var now = time.GetUtcNow();
        var regime = await clock.RegimeOfAsync(me, cancellationToken);
        var received = create(me, regime, clock.DueAt(type, regime, now), now);
        if (!received.IsSuccess) return Result<PrivacyRequestReadModel>.FromErrors(received.Errors);
        db.PrivacyRequests.Add(received.Value);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintException)
        {
            // The same request came in twice at once: a unique index allows one open request per customer and type.
            db.PrivacyRequests.Entry(received.Value).State = EntityState.Detached;
            return Result.Success((await OpenAsync(db, me, type, cancellationToken))!);
        }

        await notices.ReceivedAsync(received.Value, cancellationToken);
        var id = received.Value.Id;
        return Result.Success(await db.PrivacyRequests.AsNoTracking().Where(r => r.Id == id).Select(PrivacyRequestReadModel.FromEntity).SingleAsync(cancellationToken));
    }

    private static Task<PrivacyRequestReadModel?> OpenAsync(IApplicationDbContext db, Guid customer, PrivacyRequestType type, CancellationToken cancellationToken) =>
        db.PrivacyRequests.AsNoTracking().Where(r => r.CustomerId == customer && r.Type == type
                && (r.Status == PrivacyRequestStatus.Received || r.Status == PrivacyRequestStatus.Verified || r.Status == PrivacyRequestStatus.InProgress))
            .Select(PrivacyRequestReadModel.FromEntity).FirstOrDefaultAsync(cancellationToken);
}
