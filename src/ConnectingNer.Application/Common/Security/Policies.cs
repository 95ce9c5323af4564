namespace ConnectingNer.Application.Common.Security;

/// <summary>Names of the authorization policies; the host defines what each requires.</summary>
public static class Policies
{
    public const string CatalogWrite = "catalog:write";

    /// <summary>Staff who look customers up: support and the privacy officer (each sees what their grants allow).</summary>
    public const string CustomerLookup = "customers:lookup";

    /// <summary>The privacy officer (the audit trail of disclosures).</summary>
    public const string PrivacyOfficer = "privacy:officer";
}
