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

    /// <summary>A signed-in customer reading their own orders (token scope <c>orders:read</c>).</summary>
    public const string OrdersRead = "orders:read";

    /// <summary>A signed-in customer placing, cancelling or returning their own orders (token scope <c>orders:write</c>).</summary>
    public const string OrdersWrite = "orders:write";

    /// <summary>Staff who run orders: support and administrators (lists, packing, returns).</summary>
    public const string OrdersManage = "orders:manage";

    /// <summary>A logistics partner's client (scope <c>orders:fulfil</c>): its own shipments only.</summary>
    public const string OrdersFulfil = "orders:fulfil";

    /// <summary>A payment partner's client (scope <c>payments:process</c>).</summary>
    public const string PaymentsProcess = "payments:process";

    /// <summary>A marketing partner's client (scope <c>marketing:send</c>): the newsletter audience, nothing else.</summary>
    public const string MarketingSend = "marketing:send";

    /// <summary>An analytics partner's client (scope <c>analytics:aggregate</c>): aggregates only, never a person.</summary>
    public const string AnalyticsAggregate = "analytics:aggregate";

    /// <summary>Any partner's client (a client-credentials token acting for a partner).</summary>
    public const string Partner = "partner";

    private static readonly IReadOnlyDictionary<string, Func<ICurrentUser, bool>> Rules = new Dictionary<string, Func<ICurrentUser, bool>>
    {
        [CatalogWrite] = u => u.Scopes.Contains(CatalogWrite) || u.Roles.Contains(Roles.CatalogManager) || u.Roles.Contains(Roles.Admin),
        [CustomerLookup] = u => u.Roles.Contains(Roles.Support) || u.Roles.Contains(Roles.PrivacyOfficer),
        [PrivacyOfficer] = u => u.Roles.Contains(Roles.PrivacyOfficer),
        [OrdersRead] = u => u.PartnerId is null && u.Scopes.Contains(OrdersRead),
        [OrdersWrite] = u => u.PartnerId is null && u.Scopes.Contains(OrdersWrite),
        [OrdersManage] = u => u.Roles.Contains(Roles.Support) || u.Roles.Contains(Roles.Admin),
        [OrdersFulfil] = u => u.PartnerId is not null && u.Scopes.Contains(OrdersFulfil),
        [PaymentsProcess] = u => u.PartnerId is not null && u.Scopes.Contains(PaymentsProcess),
        [MarketingSend] = u => u.PartnerId is not null && u.Scopes.Contains(MarketingSend),
        [AnalyticsAggregate] = u => u.PartnerId is not null && u.Scopes.Contains(AnalyticsAggregate),
        [Partner] = u => u.PartnerId is not null,
    };

    public static IEnumerable<string> All => Rules.Keys;

    /// <summary>True when an authenticated caller meets the policy; an unknown policy is never met (fail closed).</summary>
    public static bool IsMet(string policy, ICurrentUser user) =>
        user.IsAuthenticated && Rules.TryGetValue(policy, out var rule) && rule(user);
}
