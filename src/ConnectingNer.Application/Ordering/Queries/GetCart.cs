using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Ordering.ReadModels;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Ordering.Queries;

/// <summary>A cart by its id (null when there is none the caller may use); with no id, the signed-in customer's cart.</summary>
public sealed record GetCartQuery(Guid? Id) : IQuery<CartReadModel?>;

public sealed class GetCartQueryHandler(IApplicationDbContext db, ICurrentUser user) : IQueryHandler<GetCartQuery, CartReadModel?>
{
    public async ValueTask<CartReadModel?> Handle(GetCartQuery query, CancellationToken cancellationToken)
    {
        if (query.Id is { } id) return await Carts.ReadAsync(db, user, id, cancellationToken);
        if (user.PartnerId is not null || !user.TryGetPersonId(out var me)) return null;
        var cart = await db.Carts.AsNoTracking().Include(c => c.Lines).SingleOrDefaultAsync(c => c.CustomerId == me, cancellationToken);
        return cart is null ? null : await Carts.ReadAsync(db, cart, cancellationToken);
    }
}
