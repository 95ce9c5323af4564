using ConnectingNer.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace ConnectingNer.Infrastructure.Accounts;

/// <summary>
/// A sign-in account (customer or staff), kept by ASP.NET Core Identity. Passwords are stored only as Identity's hash;
/// the user name and email columns hold the address's keyed hash, the address itself lives encrypted in the customer
/// profile (see <see cref="AccountFactory"/>).
/// </summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public DateTimeOffset CreatedAt { get; set; }
}
