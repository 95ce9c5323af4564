using Microsoft.AspNetCore.Identity;

namespace ConnectingNer.Infrastructure.Identity;

/// <summary>A sign-in account (customer or staff), kept by ASP.NET Core Identity. Passwords are stored only as Identity's hash.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 100;

    public string? DisplayName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Staff roles; a role becomes a <c>role</c> claim in the account's tokens.</summary>
public static class StaffRoles
{
    public const string Admin = "admin";
    public const string CatalogManager = "catalog_manager";
    public const string Support = "support";
    public const string PrivacyOfficer = "privacy_officer";

    public static readonly string[] All = [Admin, CatalogManager, Support, PrivacyOfficer];
}
