using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Customers;
using ConnectingNer.Application.PrivacyRequests.ReadModels;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.PrivacyRequests;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.PrivacyRequests.Commands;

/// <summary>
/// Erasure (DPDP Act §12, GDPR Art. 17), started by the customer in the app or on the web, signed in within ten
/// minutes. Refused, with nothing changed, while a legal hold stands or an order is open. Otherwise, in one
/// transaction: the request is recorded, the data erased (see <see cref="IPersonalDataEraser"/>), the request completed
/// under the pseudonym, and a last email sent to the address that is about to go.
/// </summary>
public sealed record RequestErasureCommand : ICommand<Result<PrivacyRequestReadModel>>;

public sealed class RequestErasureCommandHandler(ICurrentUser user, ErasureProcedure erasure, TimeProvider time)
    : ICommandHandler<RequestErasureCommand, Result<PrivacyRequestReadModel>>
{
    public async ValueTask<Result<PrivacyRequestReadModel>> Handle(RequestErasureCommand command, CancellationToken cancellationToken)
    {
        if (user.PartnerId is not null || !user.TryGetPersonId(out var me)) return Accounts.AccountErrors.NotSignedIn();
        if (!user.SignedInRecently(time.GetUtcNow())) return PrivacyRequestErrors.RecentSignInRequired();
        return await erasure.RunAsync(me, cancellationToken);
    }
}

/// <summary>
/// The same erasure from the public web page (<c>/account/delete</c>), for the account of the sign-in pages' session;
/// the page passes when that session began, which must be no more than ten minutes ago. Never reachable through GraphQL.
/// </summary>
public sealed record EraseAccountFromWebCommand(Guid AccountId, DateTimeOffset SignedInAt) : ICommand<Result<PrivacyRequestReadModel>>;

public sealed class EraseAccountFromWebCommandHandler(ErasureProcedure erasure, TimeProvider time)
    : ICommandHandler<EraseAccountFromWebCommand, Result<PrivacyRequestReadModel>>
{
    public async ValueTask<Result<PrivacyRequestReadModel>> Handle(EraseAccountFromWebCommand command, CancellationToken cancellationToken)
    {
        var age = time.GetUtcNow() - command.SignedInAt;
        if (age > CurrentUserExtensions.RecentSignIn || age < TimeSpan.FromMinutes(-1)) return PrivacyRequestErrors.RecentSignInRequired();
        return await erasure.RunAsync(command.AccountId, cancellationToken);
    }
}

/// <summary>
/// The erasure itself, once the caller is known to be the customer, signed in recently: refused with nothing changed
/// while a legal hold stands or an order is open; otherwise the request is recorded, the data erased (see
/// <see cref="IPersonalDataEraser"/>), the request completed under the pseudonym, and a last email sent to the address
/// that is about to go — all in the command's transaction.
/// </summary>
public sealed class ErasureProcedure(
    IApplicationDbContext db, PrivacyRequestClock clock, IPersonalDataEraser eraser, ICustomerReader customers, INoticeMail mail, TimeProvider time)
{
    public async Task<Result<PrivacyRequestReadModel>> RunAsync(Guid me, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if ((await customers.LoadAsync([me], cancellationToken)).GetValueOrDefault(me) is not { } customer) return Accounts.AccountErrors.NotSignedIn();
        var preview = await eraser.PreviewAsync(me, cancellationToken);
        if (preview.Blockers.Count > 0)
            return Result<PrivacyRequestReadModel>.FromErrors([.. preview.Blockers.Select(b => new Error(b.Code, b.Message))]);

        // A request already open (say, a nominee's awaiting review) is the one this sign-in verifies and carries out.
        var request = await db.PrivacyRequests.Include(r => r.Steps)
            .Where(r => r.CustomerId == me && r.Type == PrivacyRequestType.Erasure
                && (r.Status == PrivacyRequestStatus.Received || r.Status == PrivacyRequestStatus.Verified || r.Status == PrivacyRequestStatus.InProgress))
            .FirstOrDefaultAsync(cancellationToken);
        if (request is null)
        {
            var regime = await clock.RegimeOfAsync(me, cancellationToken);
            request = PrivacyRequest.ReceiveSignedIn(me, PrivacyRequestType.Erasure, regime, clock.DueAt(PrivacyRequestType.Erasure, regime, now), now).Value;
            db.PrivacyRequests.Add(request);
        }
        else
        {
            request.VerifyBySignIn(now);
        }

        request.Start(now);
        await db.SaveChangesAsync(cancellationToken);
        await eraser.EraseAsync(me, request.Id, preview, cancellationToken);
        var reference = PrivacyRequest.ReferenceOf(request.Id, request.ReceivedAt);
        request.CompleteBySystem("Your account and personal data are erased. We keep your GST invoices without your name, address or contact "
            + "details (the law asks for 8 years), and proof of your consent decisions and of who was shown your data, without your identity.", now);
        await db.SaveChangesAsync(cancellationToken);
        await mail.SendAsync(customer.Email, $"Your data is erased ({reference})",
            $"As you asked ({reference}), your account and personal data are erased: this is the last email we send to this address.\n\n"
            + request.Resolution, cancellationToken);
        var id = request.Id;
        return Result.Success(await db.PrivacyRequests.AsNoTracking().Where(r => r.Id == id).Select(PrivacyRequestReadModel.FromEntity).SingleAsync(cancellationToken));
    }
}

/// <summary>What erasing the signed-in customer would delete, what must be kept and why, and what stops it now.</summary>
public sealed record PreviewErasureQuery : IQuery<ErasurePreview?>;

public sealed class PreviewErasureQueryHandler(ICurrentUser user, IPersonalDataEraser eraser) : IQueryHandler<PreviewErasureQuery, ErasurePreview?>
{
    public async ValueTask<ErasurePreview?> Handle(PreviewErasureQuery query, CancellationToken cancellationToken) =>
        user.PartnerId is null && user.TryGetPersonId(out var me) ? await eraser.PreviewAsync(me, cancellationToken) : null;
}

/// <summary>A partner's erasure notices: unacknowledged ones (or, asked, the acknowledged ones too), oldest first.</summary>
[Authorize(Policies.Partner)]
public sealed record ListErasureNoticesQuery(bool IncludeAcknowledged) : IQuery<IReadOnlyList<ErasureNoticeReadModel>>;

public sealed class ListErasureNoticesQueryHandler(IApplicationDbContext db, ICurrentUser user)
    : IQueryHandler<ListErasureNoticesQuery, IReadOnlyList<ErasureNoticeReadModel>>
{
    public async ValueTask<IReadOnlyList<ErasureNoticeReadModel>> Handle(ListErasureNoticesQuery query, CancellationToken cancellationToken)
    {
        var partner = user.PartnerId ?? "";
        return await db.ErasureNotices.AsNoTracking().Where(n => n.PartnerId == partner && (query.IncludeAcknowledged || n.AcknowledgedAt == null))
            .OrderBy(n => n.Id).Take(500)
            .Select(n => new ErasureNoticeReadModel(n.Id, n.CustomerId, n.OrderNumbers, n.Categories, n.ErasedAt, n.AcknowledgedAt))
            .ToListAsync(cancellationToken);
    }
}

/// <summary>The partner has erased its copy of the person's data: the notice is acknowledged and the customer's id cleared.</summary>
[Authorize(Policies.Partner)]
public sealed record AcknowledgeErasureNoticeCommand(int NoticeId) : ICommand<Result<ErasureNoticeReadModel>>;

public sealed class AcknowledgeErasureNoticeCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider time)
    : ICommandHandler<AcknowledgeErasureNoticeCommand, Result<ErasureNoticeReadModel>>
{
    public async ValueTask<Result<ErasureNoticeReadModel>> Handle(AcknowledgeErasureNoticeCommand command, CancellationToken cancellationToken)
    {
        var partner = user.PartnerId ?? "";
        var notice = await db.ErasureNotices.SingleOrDefaultAsync(n => n.Id == command.NoticeId && n.PartnerId == partner, cancellationToken);
        if (notice is null) return PrivacyRequestErrors.NoticeNotFound();
        var done = notice.Acknowledge(time.GetUtcNow());
        if (!done.IsSuccess) return Result<ErasureNoticeReadModel>.FromErrors(done.Errors);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(new ErasureNoticeReadModel(notice.Id, notice.CustomerId, notice.OrderNumbers, notice.Categories, notice.ErasedAt,
            notice.AcknowledgedAt));
    }
}
