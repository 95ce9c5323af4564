using ConnectingNer.Application.Accounts;
using ConnectingNer.Infrastructure.Identity;
using ConnectingNer.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ConnectingNer.Infrastructure.Accounts;

/// <summary>
/// The sign-in accounts of people (customers and staff): ASP.NET Core Identity's users, passwords, lockout and emails.
/// The identity server (<see cref="IdentityServiceCollectionExtensions.AddIdentityServer"/>) issues tokens for them.
/// </summary>
public static class AccountServices
{
    /// <summary>Local accounts: ASP.NET Core Identity with its cookie for the sign-in pages (never for the API).</summary>
    public static void AddAccounts(this IServiceCollection services, IdentityServerOptions options)
    {
        services.AddIdentityCore<AppUser>(identity =>
            {
                // Addresses are unique through the user name, which holds the address's keyed hash (BlindIndexNormalizer);
                // Identity's own email check would want a readable address in the email column.
                identity.User.RequireUniqueEmail = false;
                identity.User.AllowedUserNameCharacters = "ABCDEF0123456789";
                // Length over composition (NIST SP 800-63B): at least 10 characters, 4 of them different.
                identity.Password.RequiredLength = AccountErrors.PasswordMinLength;
                identity.Password.RequiredUniqueChars = 4;
                identity.Password.RequireDigit = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Lockout.AllowedForNewUsers = true;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                identity.ClaimsIdentity.UserIdClaimType = Claims.Subject;
                identity.ClaimsIdentity.UserNameClaimType = Claims.Name;
                identity.ClaimsIdentity.RoleClaimType = Claims.Role;
                identity.ClaimsIdentity.EmailClaimType = Claims.Email;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddUserManager<AppUserManager>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddAuthentication().AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "connectingner.session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = options.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/connect/endsession";
            cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
            cookie.SlidingExpiration = true;
        });
        services.AddScoped<AccountMessages>();
        services.AddSingleton<MailboxThrottle>();
        services.AddSingleton<Application.Common.Interfaces.IMailboxThrottle>(sp => sp.GetRequiredService<MailboxThrottle>());
        services.AddScoped<AccountFactory>();
        services.AddScoped<DecoyPassword>();
        services.AddSingleton<Microsoft.AspNetCore.Identity.ILookupNormalizer, Privacy.BlindIndexNormalizer>();
        services.AddScoped<ExternalAccountLinker>();
        services.AddScoped<IAccountDirectory, AccountDirectory>();
        services.AddSingleton<IEmailSender, LoggingEmailSender>();
    }
}
