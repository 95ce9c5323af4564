using ConnectingNer.Application.Accounts.ReadModels;
using ConnectingNer.Application.Customers;
using ConnectingNer.Application.Customers.ReadModels;
using ConnectingNer.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Infrastructure.Customers;

/// <summary>Customers for the API in three round trips whatever their number: accounts, linked logins, encrypted profiles.</summary>
public sealed class CustomerReader(AppDbContext db, ICustomerStore customers) : ICustomerReader
{
    public async Task<IReadOnlyDictionary<Guid, CustomerReadModel>> LoadAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return new Dictionary<Guid, CustomerReadModel>();
        var accounts = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.EmailConfirmed, HasPassword = u.PasswordHash != null }).ToListAsync(cancellationToken);
        var logins = (await db.UserLogins.AsNoTracking().Where(l => ids.Contains(l.UserId))
                .Select(l => new { l.UserId, l.LoginProvider, l.ProviderDisplayName }).ToListAsync(cancellationToken))
            .ToLookup(l => l.UserId, l => new ExternalLoginReadModel(l.LoginProvider, l.ProviderDisplayName ?? l.LoginProvider));
        var profiles = await customers.FindManyAsync(ids, cancellationToken);
        var result = new Dictionary<Guid, CustomerReadModel>();
        foreach (var account in accounts)
        {
            // No profile: the customer's data key is gone (erased); nothing personal is left to show.
            if (!profiles.TryGetValue(account.Id, out var c)) continue;
            result[account.Id] = new CustomerReadModel(c.Id, c.Email, account.EmailConfirmed, c.Name, c.Phone, c.BirthDate,
                c.LegalAgeAffirmed, c.GuardianName, [.. c.Addresses.Select(a => AddressReadModel.From(c.Id, a))], c.CreatedAt, account.HasPassword, [.. logins[account.Id]]);
        }

        return result;
    }
}
