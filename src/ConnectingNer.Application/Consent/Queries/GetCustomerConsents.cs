using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Privacy;
using ConnectingNer.Domain.Consent;
using Mediator;

namespace ConnectingNer.Application.Consent.Queries;

/// <summary>
/// A customer's consent now, for the customer themself and for whoever the grant table lets read the category
/// <c>consent</c> (the privacy officer); null for anyone else.
/// </summary>
public sealed record GetCustomerConsentsQuery(Guid CustomerId) : IQuery<ConsentState?>;

public sealed class GetCustomerConsentsQueryHandler(ConsentReader reader, ICurrentUser user) : IQueryHandler<GetCustomerConsentsQuery, ConsentState?>
{
    public async ValueTask<ConsentState?> Handle(GetCustomerConsentsQuery query, CancellationToken cancellationToken) =>
        Grants.For(user, DataCategories.Consent, query.CustomerId) == DataAccess.Full
            ? await reader.ForCustomerAsync(query.CustomerId, cancellationToken)
            : null;
}
