namespace ConnectingNer.Application.Common.Security;

/// <summary>
/// The authorization policies by name and what each requires: a partner's token needs the scope, staff the role. The
/// host registers every one of them from this table; the personal-data policies (<c>pii:&lt;category&gt;</c>) judge a
/// subject and live with the grant table in <see cref="Privacy.Grants"/>.
/// </summary>
public static class Policies
{
    public const string CatalogWrite = "catalog:write";

    /// <summary>Staff who look customers up: support and the privacy officer (each sees what their grants allow).</summary>
    public const string CustomerLookup = "customers:lookup";

    /// <summary>The privacy officer (the audit trail of disclosures).</summary>
    public const string PrivacyOfficer = "privacy:officer";

    private static readonly IReadOnlyDictionary<string, Func<ICurrentUser, bool>> Rules = new Dictionary<string, Func<ICurrentUser, bool>>
    {
        [CatalogWrite] = u => u.Scopes.Contains(CatalogWrite) || u.Roles.Contains(Roles.CatalogManager) || u.Roles.Contains(Roles.Admin),
        [CustomerLookup] = u => u.Roles.Contains(Roles.Support) || u.Roles.Contains(Roles.PrivacyOfficer),
        [PrivacyOfficer] = u => u.Roles.Contains(Roles.PrivacyOfficer),
    };

    public static IEnumerable<string> All => Rules.Keys;

    /// <summary>True when an authenticated caller meets the policy; an unknown policy is never met (fail closed).</summary>
    public static bool IsMet(string policy, ICurrentUser user) =>
        user.IsAuthenticated && Rules.TryGetValue(policy, out var rule) && rule(user);
}
