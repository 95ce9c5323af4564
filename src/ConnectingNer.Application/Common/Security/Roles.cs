namespace ConnectingNer.Application.Common.Security;

/// <summary>Staff roles; a role becomes a <c>role</c> claim in the account's tokens.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string CatalogManager = "catalog_manager";
    public const string Support = "support";
    public const string PrivacyOfficer = "privacy_officer";

    public static readonly string[] All = [Admin, CatalogManager, Support, PrivacyOfficer];
}
