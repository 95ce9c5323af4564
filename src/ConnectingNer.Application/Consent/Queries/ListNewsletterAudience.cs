using System.Globalization;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Consent.ReadModels;
using ConnectingNer.Application.Customers;
using ConnectingNer.Application.Privacy;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Consent;
using Mediator;

namespace ConnectingNer.Application.Consent.Queries;

/// <summary>
/// For a marketing partner: the people whose email-marketing consent holds now (customers and confirmed subscribers;
/// never a minor without a verified guardian), with the one-click unsubscribe link each email must carry. Each address shown is a disclosure,
/// recorded where the address is revealed.
/// </summary>
[Authorize(Policies.MarketingSend)]
public sealed record ListNewsletterAudienceQuery(int First, string? After) : IQuery<Result<NewsletterAudienceReadModel>>;

public sealed class ListNewsletterAudienceQueryHandler(
    IConsentAudience audience, ICustomerReader customers, INewsletterSubscribers subscribers, IConsentLinks links, ConsentReader reader,
    IDisclosureLedger ledger)
    : IQueryHandler<ListNewsletterAudienceQuery, Result<NewsletterAudienceReadModel>>
{
    public const int MaxFirst = 500;

    public async ValueTask<Result<NewsletterAudienceReadModel>> Handle(ListNewsletterAudienceQuery query, CancellationToken cancellationToken)
    {
        if (query.First is < 1 or > MaxFirst) return new Error("newsletter.first_out_of_range", $"Ask for 1 to {MaxFirst} recipients.", "first");
        var after = 0;
        if (query.After is { } cursor && (!int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out after) || after < 0))
            return new Error("newsletter.cursor_invalid", "Pass `after` the `endCursor` of the previous page.", "after");

        var rows = await audience.HoldingAsync(ConsentPurpose.MarketingEmail, after, query.First + 1, cancellationToken);
        var page = rows.Take(query.First).ToList();
        var people = await customers.LoadAsync([.. page.Where(r => r.Subject.IsCustomer).Select(r => r.Subject.Id)], cancellationToken);
        var addresses = await subscribers.EmailsAsync([.. page.Where(r => !r.Subject.IsCustomer).Select(r => r.Subject.Id)], cancellationToken);
        var minors = await reader.MinorsWithoutGuardianAsync(people.Values, cancellationToken);
        var recipients = new List<NewsletterRecipientReadModel>();
        foreach (var (_, subject) in page)
        {
            var email = subject.IsCustomer
                ? people.TryGetValue(subject.Id, out var person) && !minors.Contains(subject.Id) ? person.Email : null
                : addresses.GetValueOrDefault(subject.Id);
            if (email is null) continue;
            recipients.Add(new NewsletterRecipientReadModel(subject.Id, email, links.UnsubscribeUrl(subject)));
            // Being listed tells the partner this person consented to email marketing: a disclosure of consent data,
            // whatever fields the partner selects (the address itself is recorded where it is revealed).
            ledger.Record(subject.Id, DataCategories.Consent, "newsletterAudience", masked: false);
        }

        var end = page.Count > 0 ? page[^1].RecordId.ToString(CultureInfo.InvariantCulture) : query.After;
        return Result.Success(new NewsletterAudienceReadModel(recipients, end, rows.Count > query.First));
    }
}
