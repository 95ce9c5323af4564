using ConnectingNer.Application.Common.Security;

namespace ConnectingNer.Application.Privacy;

/// <summary>How much of a category a caller may see of someone's data.</summary>
public enum DataAccess
{
    None,
    Masked,
    Full,
}

/// <summary>
/// Who may see what: the one table of personal-data grants. A person sees everything of their own; staff see what
/// their roles grant; a partner's client sees what the scopes of its job grant; anyone else sees nothing. A category
/// missing from a row is <see cref="DataAccess.None"/>.
/// </summary>
public static class Grants
{
    /// <summary>Staff roles → category → access.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, DataAccess>> ByRole =
        new Dictionary<string, IReadOnlyDictionary<string, DataAccess>>
        {
            [Roles.PrivacyOfficer] = DataCategories.All.ToDictionary(c => c, _ => DataAccess.Full),
            // Support recognises a caller by name and masked contact details and ships to their address; the full email
            // and phone stay with the customer (and the privacy officer). Never birth dates.
            [Roles.Support] = new Dictionary<string, DataAccess>
            {
                [DataCategories.IdentityName] = DataAccess.Full, [DataCategories.ContactEmail] = DataAccess.Masked,
                [DataCategories.ContactPhone] = DataAccess.Masked, [DataCategories.AddressPostal] = DataAccess.Full,
                [DataCategories.AccountLogins] = DataAccess.Full,
            },
            // Admin and catalog manager run the shop, not its customers: nothing.
            [Roles.Admin] = new Dictionary<string, DataAccess>(),
            [Roles.CatalogManager] = new Dictionary<string, DataAccess>(),
        };

    /// <summary>
    /// Partner purposes, named by the scope of their job → category → access. No partner reads a customer's profile:
    /// what a courier needs comes with the shipment it handles, not from the customer; a payment provider needs none.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, DataAccess>> ByPartnerPurpose =
        new Dictionary<string, IReadOnlyDictionary<string, DataAccess>>
        {
            // A courier delivers: the recipient's name, address and phone, of its own assigned shipments only, until
            // seven days after delivery (the shipment queries narrow the rows; this row opens the categories).
            ["orders:fulfil"] = new Dictionary<string, DataAccess>
            {
                [DataCategories.AddressPostal] = DataAccess.Full, [DataCategories.ContactPhone] = DataAccess.Full,
            },
            ["payments:process"] = new Dictionary<string, DataAccess>(),
            ["analytics:aggregate"] = new Dictionary<string, DataAccess>(),
            // A marketing partner sends the newsletter: the addresses of people whose email-marketing consent holds now,
            // listed by the newsletter audience only (its query narrows the people; this row opens the category).
            ["marketing:send"] = new Dictionary<string, DataAccess> { [DataCategories.ContactEmail] = DataAccess.Full },
        };

    /// <summary>What <paramref name="caller"/> may see of <paramref name="subjectId"/>'s data of <paramref name="category"/>.</summary>
    public static DataAccess For(ICurrentUser caller, string category, Guid subjectId)
    {
        if (IsSubject(caller, subjectId)) return DataAccess.Full;
        if (!caller.IsAuthenticated) return DataAccess.None;
        var best = Best(ByRole, caller.Roles, category);
        return caller.PartnerId is null ? best : Max(best, Best(ByPartnerPurpose, caller.Scopes, category));
    }

    /// <summary>True when the caller is the subject (their own data: no disclosure to record).</summary>
    public static bool IsSubject(ICurrentUser caller, Guid subjectId) =>
        caller.PartnerId is null && caller.TryGetPersonId(out var id) && id == subjectId;

    /// <summary>Why the caller looks at someone's data: the purpose they declared, else the one their role implies.</summary>
    public static string PurposeOf(ICurrentUser caller) =>
        caller.DeclaredPurpose is { Length: > 0 } declared ? declared
        : caller.PartnerId is not null && caller.Scopes.Contains(Policies.OrdersFulfil) ? "delivery"
        : caller.PartnerId is not null && caller.Scopes.Contains(Policies.PaymentsProcess) ? "payment"
        : caller.PartnerId is not null && caller.Scopes.Contains(Policies.MarketingSend) ? "marketing"
        : caller.Roles.Contains(Roles.PrivacyOfficer) ? "privacy_review"
        : caller.Roles.Contains(Roles.Support) ? "customer_support"
        : caller.Roles.Contains(Roles.Admin) ? "administration"
        : "unspecified";

    private static DataAccess Best(IReadOnlyDictionary<string, IReadOnlyDictionary<string, DataAccess>> table, IReadOnlySet<string> keys, string category)
    {
        var best = DataAccess.None;
        foreach (var (key, row) in table)
        {
            if (keys.Contains(key) && row.TryGetValue(category, out var access)) best = Max(best, access);
        }

        return best;
    }

    private static DataAccess Max(DataAccess a, DataAccess b) => a > b ? a : b;
}
