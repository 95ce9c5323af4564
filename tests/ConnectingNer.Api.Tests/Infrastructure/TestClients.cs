namespace ConnectingNer.Api.Tests.Infrastructure;

/// <summary>Partner clients the tests register through the same configuration the real host reads.</summary>
public static class TestClients
{
    public const string FeedId = "feed-test";
    public const string FeedSecret = "feed-test-secret";
    public const string CatalogAdminId = "catalog-admin-test";
    public const string CatalogAdminSecret = "catalog-admin-test-secret";

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
    };
}
