using ConnectingNer.Application.Accounts.ReadModels;
using ConnectingNer.Application.Customers;
using ConnectingNer.Application.Customers.ReadModels;
using ConnectingNer.Infrastructure.Persistence;
using ConnectingNer.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Infrastructure.Customers;

/// <summary>
/// Customers for the API in one round trip whatever their number: the account, the encrypted profile with its key, and
/// the linked logins, joined in PostgreSQL; the profile is opened here. An erased customer (no key) is absent.
/// </summary>
public sealed class CustomerReader(AppDbContext db, EncryptedCustomerStore store) : ICustomerReader
{
    public async Task<IReadOnlyDictionary<Guid, CustomerReadModel>> LoadAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return new Dictionary<Guid, CustomerReadModel>();
        var users = db.Users;
        var customers = db.Customers;
        var keys = db.CustomerKeys;
        var logins = db.UserLogins;
        var rows = await (
            from u in users.AsNoTracking()
            join c in customers.AsNoTracking() on u.Id equals c.Id
            join k in keys.AsNoTracking() on c.Id equals k.CustomerId
            where ids.Contains(u.Id)
            select new
            {
                u.Id, u.EmailConfirmed, HasPassword = u.PasswordHash != null, c.CreatedAt, c.PersonalData, k.MasterKeyId, k.WrappedKey,
                Logins = logins.Where(l => l.UserId == u.Id).Select(l => new { l.LoginProvider, l.ProviderDisplayName }).ToList(),
            }).ToListAsync(cancellationToken);
        var result = new Dictionary<Guid, CustomerReadModel>();
        foreach (var row in rows)
        {
            var c = store.Open(row.Id, row.CreatedAt, row.PersonalData, row.MasterKeyId, row.WrappedKey);
            result[row.Id] = new CustomerReadModel(c.Id, c.Email, row.EmailConfirmed, c.Name, c.Phone, c.BirthDate, c.LegalAgeAffirmed, c.GuardianName,
                [.. c.Addresses.Select(a => AddressReadModel.From(c.Id, a))], c.CreatedAt, row.HasPassword,
                [.. row.Logins.Select(l => new ExternalLoginReadModel(l.LoginProvider, l.ProviderDisplayName ?? l.LoginProvider))]);
        }

        return result;
    }
}
