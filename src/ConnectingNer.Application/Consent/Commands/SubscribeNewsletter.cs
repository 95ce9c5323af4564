using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Exceptions;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Consent;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Consent.Commands;

/// <summary>
/// Anyone asks for the newsletter (no account needed): a confirmation link goes to the address, and nothing is sent to it
/// until the link is followed (double opt-in). The answer is the same for every valid address, subscribed or not.
/// </summary>
public sealed record SubscribeNewsletterCommand(string Email) : ICommand<Result>;

public sealed class SubscribeNewsletterCommandHandler(IApplicationDbContext db, INewsletterSubscribers subscribers, IConsentLinks links)
    : ICommandHandler<SubscribeNewsletterCommand, Result>
{
    public async ValueTask<Result> Handle(SubscribeNewsletterCommand command, CancellationToken cancellationToken)
    {
        var email = command.Email?.Trim() ?? "";
        if (!NewsletterAddress.IsValid(email)) return ConsentErrors.EmailInvalid();
        var index = subscribers.EmailIndex(email);
        var subscriber = await db.NewsletterSubscribers.SingleOrDefaultAsync(s => s.EmailIndex == index, cancellationToken);
        if (subscriber is null)
        {
            subscriber = subscribers.Create(email);
            db.NewsletterSubscribers.Add(subscriber);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (UniqueConstraintException)
            {
                // The same address asked twice at once: the other request created it and sent its link.
                return Result.Success();
            }
        }

        await subscribers.SendConfirmationAsync(email, links.ConfirmationUrl(subscriber.Id), cancellationToken);
        return Result.Success();
    }
}
