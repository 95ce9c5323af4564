using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Consent.ReadModels;
using ConnectingNer.Application.Customers;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Consent;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Consent.Commands;

/// <summary>
/// The link of the confirmation email was followed: email marketing is granted (source <c>EMAIL_LINK</c>) for the
/// customer with this address when there is one, else for the subscriber.
/// </summary>
public sealed record ConfirmNewsletterSubscriptionCommand(string Token) : ICommand<Result<ConsentReceiptReadModel>>;

public sealed class ConfirmNewsletterSubscriptionCommandHandler(
    IApplicationDbContext db, IConsentLinks links, ICustomerStore customers, ConsentWriter writer, ConsentReader reader, TimeProvider clock)
    : ICommandHandler<ConfirmNewsletterSubscriptionCommand, Result<ConsentReceiptReadModel>>
{
    public async ValueTask<Result<ConsentReceiptReadModel>> Handle(ConfirmNewsletterSubscriptionCommand command, CancellationToken cancellationToken)
    {
        if (!links.TryReadConfirmation(command.Token, out var id)
            || await db.NewsletterSubscribers.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } subscriber)
            return ConsentErrors.LinkInvalid("token");

        subscriber.Confirm(clock.GetUtcNow());
        var index = subscriber.EmailIndex;
        var customer = await customers.Index.Where(r => r.EmailIndex == index).Select(r => (Guid?)r.SubjectId).SingleOrDefaultAsync(cancellationToken);
        var subject = customer is { } c ? ConsentSubject.Customer(c) : ConsentSubject.Subscriber(subscriber.Id);
        var terms = await reader.TermsAsync(cancellationToken);
        return await writer.RecordAsync(subject, [new ConsentChoice(ConsentPurpose.MarketingEmail, true)], terms.CurrentVersion, ConsentSource.EmailLink,
            cancellationToken);
    }
}
