using ConnectingNer.Application.Common.Security;
using ConnectingNer.Domain.Consent;
using Mediator;

namespace ConnectingNer.Application.Consent.Queries;

/// <summary>The signed-in customer's consent now, per purpose; null for anyone who is not a signed-in customer.</summary>
public sealed record GetMyConsentsQuery : IQuery<ConsentState?>;

public sealed class GetMyConsentsQueryHandler(ConsentReader reader, ICurrentUser user) : IQueryHandler<GetMyConsentsQuery, ConsentState?>
{
    public async ValueTask<ConsentState?> Handle(GetMyConsentsQuery query, CancellationToken cancellationToken) =>
        user.PartnerId is null && user.TryGetPersonId(out var me) ? await reader.ForCustomerAsync(me, cancellationToken) : null;
}
