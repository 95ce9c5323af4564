using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Customers;
using ConnectingNer.Domain.Ordering;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Ordering;

internal static class Organisations
{
    /// <summary>The organisation with its members, when the caller is one of them (anyone else: absent).</summary>
    public static async Task<Organisation?> OfMemberAsync(IApplicationDbContext db, ICurrentUser user, int id, CancellationToken ct)
    {
        if (user.PartnerId is not null || !user.TryGetPersonId(out var me)) return null;
        var organisation = await db.Organisations.Include(o => o.Members).SingleOrDefaultAsync(o => o.Id == id, ct);
        return organisation?.RoleOf(me) is null ? null : organisation;
    }

    /// <summary>The keyed hash of the signed-in customer's email address (invitations are addressed by it).</summary>
    public static async Task<string?> MyEmailIndexAsync(ICustomerStore customers, ICurrentUser user, CancellationToken ct) =>
        user.PartnerId is null && user.TryGetPersonId(out var me) && await customers.FindAsync(me, ct) is { } customer
            ? customers.EmailIndex(customer.Email)
            : null;
}
