using ConnectingNer.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Customers.Queries;

/// <summary>The signed-in person's customer id; null for anonymous callers and partner clients.</summary>
public sealed record GetMyCustomerIdQuery : IQuery<Guid?>;

public sealed class GetMyCustomerIdQueryHandler(ICustomerStore customers, ICurrentUser user) : IQueryHandler<GetMyCustomerIdQuery, Guid?>
{
    public async ValueTask<Guid?> Handle(GetMyCustomerIdQuery query, CancellationToken cancellationToken) =>
        user.TryGetPersonId(out var id) && await customers.ExistsAsync(id, cancellationToken) ? id : null;
}
