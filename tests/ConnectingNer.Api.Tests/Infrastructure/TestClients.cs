namespace ConnectingNer.Api.Tests.Infrastructure;

/// <summary>Partner clients the tests register through the same configuration the real host reads.</summary>
public static class TestClients
{
    public const string FeedId = "feed-test";
    public const string FeedSecret = "feed-test-secret";
    public const string CatalogAdminId = "catalog-admin-test";
    public const string CatalogAdminSecret = "catalog-admin-test-secret";
    public const string WebId = "shop-web-test";
    public const string WebSecret = "shop-web-test-secret";
    public const string WebRedirect = "https://shop.test/signin-callback";
    public const string WebSignedOut = "https://shop.test/signed-out";
    public const string MobileId = "shop-mobile-test";
    public const string MobileRedirect = "in.connectingner.shop:/oauth2redirect";
    public const string MarketingId = "marketing-test";
    public const string MarketingSecret = "marketing-test-secret";
    public const string AnalyticsId = "analytics-test";
    public const string AnalyticsSecret = "analytics-test-secret";
    public const string LogisticsId = "logistics-test";
    public const string LogisticsSecret = "logistics-test-secret";
    public const string LogisticsPartner = "logistics-partner";
    public const string OtherLogisticsId = "logistics-other-test";
    public const string OtherLogisticsSecret = "logistics-other-test-secret";
    public const string OtherLogisticsPartner = "other-logistics-partner";
    public const string PaymentsId = "payments-test";
    public const string PaymentsSecret = "payments-test-secret";

    /// <summary>The scopes both sign-in clients may ask for.</summary>
    public static readonly string[] UserScopes =
        ["openid", "profile", "email", "phone", "offline_access", "catalog:read", "orders:read", "orders:write"];

    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["Identity:Clients:0:ClientId"] = FeedId,
        ["Identity:Clients:0:ClientSecret"] = FeedSecret,
        ["Identity:Clients:0:DisplayName"] = "Catalog feed (test)",
        ["Identity:Clients:0:PartnerId"] = "feed-partner",
        ["Identity:Clients:0:Scopes:0"] = "catalog:read",
        ["Identity:Clients:1:ClientId"] = CatalogAdminId,
        ["Identity:Clients:1:ClientSecret"] = CatalogAdminSecret,
        ["Identity:Clients:1:DisplayName"] = "Catalog admin tool (test)",
        ["Identity:Clients:1:Scopes:0"] = "catalog:read",
        ["Identity:Clients:1:Scopes:1"] = "catalog:write",
        ["Identity:Clients:1:AllowTestGrant"] = "true",
        ["Identity:Clients:2:ClientId"] = WebId,
        ["Identity:Clients:2:ClientSecret"] = WebSecret,
        ["Identity:Clients:2:DisplayName"] = "Web shop (test)",
        ["Identity:Clients:2:GrantTypes:0"] = "authorization_code",
        ["Identity:Clients:2:GrantTypes:1"] = "refresh_token",
        ["Identity:Clients:2:RedirectUris:0"] = WebRedirect,
        ["Identity:Clients:2:PostLogoutRedirectUris:0"] = WebSignedOut,
        ["Identity:Clients:3:ClientId"] = MobileId,
        ["Identity:Clients:3:Type"] = "public",
        ["Identity:Clients:3:DisplayName"] = "Mobile app (test)",
        ["Identity:Clients:3:GrantTypes:0"] = "authorization_code",
        ["Identity:Clients:3:GrantTypes:1"] = "refresh_token",
        ["Identity:Clients:3:RedirectUris:0"] = MobileRedirect,
        ["Identity:Clients:4:ClientId"] = LogisticsId,
        ["Identity:Clients:4:ClientSecret"] = LogisticsSecret,
        ["Identity:Clients:4:DisplayName"] = "Logistics partner (test)",
        ["Identity:Clients:4:PartnerId"] = "logistics-partner",
        ["Identity:Clients:4:Scopes:0"] = "catalog:read",
        ["Identity:Clients:4:Scopes:1"] = "orders:fulfil",
        ["Identity:Clients:5:ClientId"] = OtherLogisticsId,
        ["Identity:Clients:5:ClientSecret"] = OtherLogisticsSecret,
        ["Identity:Clients:5:DisplayName"] = "Another logistics partner (test)",
        ["Identity:Clients:5:PartnerId"] = OtherLogisticsPartner,
        ["Identity:Clients:5:Scopes:0"] = "orders:fulfil",
        ["Identity:Clients:6:ClientId"] = PaymentsId,
        ["Identity:Clients:6:ClientSecret"] = PaymentsSecret,
        ["Identity:Clients:6:DisplayName"] = "Payment provider (test)",
        ["Identity:Clients:6:PartnerId"] = "payments-partner",
        ["Identity:Clients:6:Scopes:0"] = "payments:process",
        ["Identity:Clients:7:ClientId"] = MarketingId,
        ["Identity:Clients:7:ClientSecret"] = MarketingSecret,
        ["Identity:Clients:7:DisplayName"] = "Marketing partner (test)",
        ["Identity:Clients:7:PartnerId"] = "marketing-partner",
        ["Identity:Clients:7:Scopes:0"] = "marketing:send",
        ["Identity:Clients:8:ClientId"] = AnalyticsId,
        ["Identity:Clients:8:ClientSecret"] = AnalyticsSecret,
        ["Identity:Clients:8:DisplayName"] = "Analytics partner (test)",
        ["Identity:Clients:8:PartnerId"] = "analytics-partner",
        ["Identity:Clients:8:Scopes:0"] = "analytics:aggregate",
    }.Concat(UserScopes.SelectMany((scope, i) => new[]
    {
        KeyValuePair.Create($"Identity:Clients:2:Scopes:{i}", scope), KeyValuePair.Create($"Identity:Clients:3:Scopes:{i}", scope),
    })).ToDictionary();
}
