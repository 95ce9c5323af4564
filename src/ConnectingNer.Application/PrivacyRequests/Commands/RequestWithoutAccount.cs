using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Consent;
using ConnectingNer.Application.Customers;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Consent;
using ConnectingNer.Domain.PrivacyRequests;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.PrivacyRequests.Commands;

/// <summary>Signed links that verify a request by email (Infrastructure: Data Protection, valid 24 hours).</summary>
public interface IPrivacyRequestLinks
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    string VerifyUrl(PrivacyRequestType type, Guid subscriberId);

    bool TryRead(string? token, out PrivacyRequestType type, out Guid subscriberId);
}

/// <summary>What opening a verification link did: the request's reference, and for access the file.</summary>
public sealed record EmailRequestOutcome(PrivacyRequestType Type, string Reference, DataExportFile? File);

/// <summary>
/// Access or erasure for someone without an account, such as a newsletter subscriber: a link is sent to the address
/// on record, and only opening it (see <see cref="ConfirmEmailRequestCommand"/>) does anything. An address with an
/// account is told to sign in instead; an address we do not hold gets nothing. The answer is the same in every case,
/// so it does not say whether we hold an address; mail to one address is throttled.
/// </summary>
public sealed record RequestWithoutAccountCommand(string Email, PrivacyRequestType Type) : ICommand<Result>;

public sealed class RequestWithoutAccountCommandHandler(
    IApplicationDbContext db, INewsletterSubscribers subscribers, ICustomerStore customers, IPrivacyRequestLinks links, INoticeMail mail,
    IMailboxThrottle throttle)
    : ICommandHandler<RequestWithoutAccountCommand, Result>
{
    public async ValueTask<Result> Handle(RequestWithoutAccountCommand command, CancellationToken cancellationToken)
    {
        if (command.Type is not (PrivacyRequestType.Access or PrivacyRequestType.Erasure))
            return new Error("privacy_request.type_invalid", "By email you can ask for ACCESS or ERASURE; with an account, sign in for the rest.", "type");
        var email = command.Email?.Trim() ?? "";
        if (email.Length is 0 or > 254 || email.IndexOf('@') is < 1 || email.IndexOf('@') == email.Length - 1)
            return new Error("privacy_request.email_invalid", "Give the email address we hold, at most 254 characters.", "email");

        if (!throttle.TryAcquire(email)) return Result.Success();
        var index = subscribers.EmailIndex(email);
        var what = command.Type == PrivacyRequestType.Access ? "a copy of the data we hold about this address" : "the erasure of this address";
        if (await customers.Index.AnyAsync(c => c.EmailIndex == index, cancellationToken))
        {
            await mail.SendAsync(email, "Your privacy request: sign in",
                $"Someone, hopefully you, asked for {what}. This address has an account: sign in and use your privacy settings "
                + "(export your data, or delete your account). If it was not you, ignore this message.", cancellationToken);
            return Result.Success();
        }

        var subscriber = await db.Set<NewsletterSubscriber>().AsNoTracking().Where(s => s.EmailIndex == index).Select(s => (Guid?)s.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (subscriber is { } id)
            await mail.SendAsync(email, "Confirm your privacy request",
                $"Someone, hopefully you, asked for {what}. Nothing happens unless you open this link within 24 hours and confirm:\n\n"
                + $"{links.VerifyUrl(command.Type, id)}\n\nIf it was not you, ignore this message.", cancellationToken);
        return Result.Success();
    }
}

/// <summary>
/// The verification link was opened and confirmed: the request is recorded as verified and carried out at once —
/// erasure deletes the subscription (its key shredded, its consent records kept without the address), access answers
/// with the file. A forged, altered or expired link, or one whose subscription is gone, changes nothing.
/// </summary>
public sealed record ConfirmEmailRequestCommand(string Token) : ICommand<Result<EmailRequestOutcome>>;

public sealed class ConfirmEmailRequestCommandHandler(
    IApplicationDbContext db, IPrivacyRequestLinks links, PrivacyRequestClock clock, IPersonalDataEraser eraser, IDataExports exports, TimeProvider time)
    : ICommandHandler<ConfirmEmailRequestCommand, Result<EmailRequestOutcome>>
{
    public async ValueTask<Result<EmailRequestOutcome>> Handle(ConfirmEmailRequestCommand command, CancellationToken cancellationToken)
    {
        if (!links.TryRead(command.Token, out var type, out var subscriber)
            || !await db.Set<NewsletterSubscriber>().AnyAsync(s => s.Id == subscriber, cancellationToken))
            return new Error("privacy_request.link_invalid", "This link is not valid: it was altered, has expired, or was used already.", "token");
        var now = time.GetUtcNow();
        var request = PrivacyRequest.ReceiveByLink(subscriber, type, PrivacyRegime.Dpdp, clock.DueAt(type, PrivacyRegime.Dpdp, now), now).Value;
        request.Start(now);
        db.PrivacyRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        var reference = PrivacyRequest.ReferenceOf(request.Id, request.ReceivedAt);
        DataExportFile? file = null;
        if (type == PrivacyRequestType.Erasure)
        {
            await eraser.EraseSubscriberAsync(subscriber, request.Id, cancellationToken);
            request.CompleteBySystem("The address and its subscription are erased; your consent decisions are kept as proof, without the address.", now);
        }
        else
        {
            file = await exports.SubscriberFileAsync(subscriber, reference, cancellationToken);
            request.CompleteBySystem("The data held about the address was given as a file when the link was confirmed.", now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(new EmailRequestOutcome(type, reference, file));
    }
}
