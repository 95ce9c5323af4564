using ConnectingNer.Infrastructure.Identity;
using ConnectingNer.Application.Customers;
using ConnectingNer.Domain.Customers;
using ConnectingNer.Infrastructure.Persistence;
using ConnectingNer.Infrastructure.Privacy;
using Microsoft.AspNetCore.Identity;

namespace ConnectingNer.Infrastructure.Accounts;

/// <summary>
/// The one way accounts are created: the sign-in account (user name and email columns hold only the address's keyed
/// hash) and the customer profile (the address itself, encrypted), committed together.
/// </summary>
public sealed class AccountFactory(UserManager<AppUser> users, ICustomerStore customers, PersonalDataCipher cipher, AppDbContext db, TimeProvider clock)
{
    public async Task<(IdentityResult Result, AppUser User)> CreateAsync(
        string email, string? password, bool emailConfirmed, string? name, CancellationToken cancellationToken)
    {
        var index = cipher.EmailIndex(email);
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(), UserName = index, Email = index, EmailConfirmed = emailConfirmed, CreatedAt = clock.GetUtcNow(),
        };
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
            if (!created.Succeeded) return (created, user);
            var customer = new Customer(user.Id, email.Trim(), user.CreatedAt);
            if (name is not null) customer.UpdateProfile(name.Length > Customer.NameMaxLength ? name[..Customer.NameMaxLength] : name, null, null, null, null, user.CreatedAt);
            await customers.AddAsync(customer, cancellationToken);
            if (own is not null) await own.CommitAsync(cancellationToken);
            return (created, user);
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }
}
