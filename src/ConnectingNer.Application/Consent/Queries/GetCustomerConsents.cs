using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Privacy;
using ConnectingNer.Domain.Consent;
using Mediator;

namespace ConnectingNer.Application.Consent.Queries;

/// <summary>
/// Customers' consent now, several at once (a page of a staff list costs the same statements as one customer): for
/// the customer themself and for whoever the grant table lets read the category <c>consent</c> (the privacy officer);
/// anyone else's customers are absent.
/// </summary>
public sealed record LoadCustomerConsentsQuery(IReadOnlyCollection<Guid> CustomerIds) : IQuery<IReadOnlyDictionary<Guid, ConsentState>>;

public sealed class LoadCustomerConsentsQueryHandler(ConsentReader reader, ICurrentUser user)
    : IQueryHandler<LoadCustomerConsentsQuery, IReadOnlyDictionary<Guid, ConsentState>>
{
    public async ValueTask<IReadOnlyDictionary<Guid, ConsentState>> Handle(LoadCustomerConsentsQuery query, CancellationToken cancellationToken)
    {
        var readable = query.CustomerIds.Where(id => Grants.For(user, DataCategories.Consent, id) == DataAccess.Full).ToList();
        return readable.Count == 0 ? new Dictionary<Guid, ConsentState>() : await reader.ForCustomersAsync(readable, cancellationToken);
    }
}
