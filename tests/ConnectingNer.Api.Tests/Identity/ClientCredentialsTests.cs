using ConnectingNer.Infrastructure.Accounts;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ConnectingNer.GraphQL.Server.Relay;
using ConnectingNer.Infrastructure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace ConnectingNer.Api.Tests.Identity;

/// <summary>Partner tokens over the real OAuth endpoints, used against /graphql.</summary>
[Collection(ApiCollection.Name)]
public sealed class ClientCredentialsTests(ApiFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(HttpStatusCode Status, JsonNode Body)> PostFormAsync(string path, Dictionary<string, string> form)
    {
        using var response = await fixture.Factory.CreateClient().PostAsync(path, new FormUrlEncodedContent(form));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, string.IsNullOrEmpty(text) ? new JsonObject() : JsonNode.Parse(text)!);
    }

    private Task<(HttpStatusCode Status, JsonNode Body)> TokenAsync(string clientId, string secret, string scope) =>
        PostFormAsync("/connect/token", new()
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = scope,
        });

    private async Task<string> AccessTokenAsync(string clientId, string secret, string scope)
    {
        var (status, body) = await TokenAsync(clientId, secret, scope);
        Assert.True(status == HttpStatusCode.OK, body.ToJsonString());
        return body["access_token"]!.GetValue<string>();
    }

    private GraphQLClient WithToken(string token)
    {
        var http = fixture.Factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new GraphQLClient(http);
    }

    private const string Create = """
        mutation($input: CreateProductInput!) { createProduct(input: $input) { product { sku } errors { code } } }
        """;

    private static object NewProduct(string sku) =>
        new { input = new { sku, name = "Partner product", pricePaise = 1000, stock = 1, categoryId = GlobalId.Encode("Category", 1) } };

    [Fact]
    public async Task Discovery_AdvertisesTheTokenEndpointsAndScopes()
    {
        var document = JsonNode.Parse(await fixture.Factory.CreateClient().GetStringAsync("/.well-known/openid-configuration"))!;

        Assert.EndsWith("/connect/token", document["token_endpoint"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("/connect/introspect", document["introspection_endpoint"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("/connect/revoke", document["revocation_endpoint"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("client_credentials", document["grant_types_supported"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.Contains("catalog:write", document["scopes_supported"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public async Task PartnerToken_WithCatalogWrite_CreatesAProductOverGraphQL()
    {
        var (status, body) = await TokenAsync(TestClients.CatalogAdminId, TestClients.CatalogAdminSecret, "catalog:write");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.InRange(body["expires_in"]!.GetValue<int>(), 1, 900);
        var response = await WithToken(body["access_token"]!.GetValue<string>()).PostAsync(Create, NewProduct("PRT-001"));
        Assert.Equal("PRT-001", response.EnsureNoErrors().Data!["createProduct"]!["product"]!["sku"]!.GetValue<string>());
    }

    [Fact]
    public async Task PartnerToken_WithoutCatalogWrite_IsNotAuthorizedToWriteButMayRead()
    {
        var token = await AccessTokenAsync(TestClients.FeedId, TestClients.FeedSecret, "catalog:read");
        var client = WithToken(token);

        var write = await client.PostAsync(Create, NewProduct("PRT-002"));
        var read = await client.PostAsync("{ products(first: 1) { nodes { sku } } }");

        Assert.Equal(["AUTH_NOT_AUTHORIZED"], write.ErrorCodes);
        read.EnsureNoErrors();
    }

    [Fact]
    public async Task TokenRequest_ForAScopeTheClientLacks_IsRefusedWithInvalidScope()
    {
        var (status, body) = await TokenAsync(TestClients.FeedId, TestClients.FeedSecret, "catalog:write");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_scope", body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task TokenRequest_WithAWrongSecret_IsRefusedWithInvalidClient()
    {
        var (status, body) = await TokenAsync(TestClients.FeedId, "not-the-secret", "catalog:read");

        Assert.NotEqual(HttpStatusCode.OK, status);
        Assert.Equal("invalid_client", body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task TokenRequest_WithAnUnsupportedGrant_IsRefused()
    {
        var (status, body) = await PostFormAsync("/connect/token", new()
        {
            ["grant_type"] = "password", ["client_id"] = TestClients.FeedId, ["client_secret"] = TestClients.FeedSecret,
            ["username"] = "x", ["password"] = "y",
        });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("unsupported_grant_type", body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task RevokedToken_StopsWorkingAtOnce()
    {
        var token = await AccessTokenAsync(TestClients.CatalogAdminId, TestClients.CatalogAdminSecret, "catalog:write");
        Assert.Empty((await WithToken(token).PostAsync(Create, NewProduct("PRT-003"))).ErrorCodes);

        var (status, _) = await PostFormAsync("/connect/revoke", new()
        {
            ["client_id"] = TestClients.CatalogAdminId, ["client_secret"] = TestClients.CatalogAdminSecret, ["token"] = token,
        });
        var after = await WithToken(token).PostAsync(Create, NewProduct("PRT-004"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], after.ErrorCodes);
    }

    [Fact]
    public async Task TamperedToken_IsTreatedAsNoToken()
    {
        var token = await AccessTokenAsync(TestClients.CatalogAdminId, TestClients.CatalogAdminSecret, "catalog:write");
        var tampered = token[..^6] + (token[^6] == 'A' ? 'B' : 'A') + token[^5..];

        var response = await WithToken(tampered).PostAsync(Create, NewProduct("PRT-005"));

        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], response.ErrorCodes);
    }

    [Theory]
    [InlineData("query")]
    [InlineData("cookie")]
    public async Task TokenOutsideTheAuthorizationHeader_IsTreatedAsNoToken(string carrier)
    {
        // URLs end up in logs and cookies ride along with cross-site requests: the API reads the header only.
        var token = await AccessTokenAsync(TestClients.CatalogAdminId, TestClients.CatalogAdminSecret, "catalog:write");
        using var request = new HttpRequestMessage(HttpMethod.Post, carrier == "query" ? $"/graphql?access_token={token}" : "/graphql")
        {
            Content = JsonContent.Create(new { query = Create, variables = NewProduct("PRT-006") }),
        };
        if (carrier == "cookie") request.Headers.Add("Cookie", $"access_token={token}");

        var response = await new GraphQLClient(fixture.Factory.CreateClient()).SendAsync(request);

        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], response.ErrorCodes);
    }

    [Fact]
    public async Task Introspection_ReportsAnActivePartnerToken()
    {
        var token = await AccessTokenAsync(TestClients.FeedId, TestClients.FeedSecret, "catalog:read");

        var (status, body) = await PostFormAsync("/connect/introspect", new()
        {
            ["client_id"] = TestClients.FeedId, ["client_secret"] = TestClients.FeedSecret, ["token"] = token,
        });

        Assert.True(status == HttpStatusCode.OK, body.ToJsonString());
        Assert.True(body["active"]!.GetValue<bool>(), body.ToJsonString());
        Assert.Equal(TestClients.FeedId, body["client_id"]!.GetValue<string>());
        Assert.Equal(TestClients.FeedId, body["sub"]!.GetValue<string>());
        Assert.Equal("connectingner-api", body["aud"]!.GetValue<string>());
        Assert.Equal(15 * 60, body["exp"]!.GetValue<long>() - body["iat"]!.GetValue<long>()); // partner tokens live 15 minutes
    }

    [Fact]
    public async Task Seed_WhenRunAgain_UpdatesClientsWithoutDuplicates()
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var before = await applications.CountAsync();

        await scope.ServiceProvider.GetRequiredService<IdentitySeeder>().SeedAsync(CancellationToken.None);
        var web = await applications.FindByClientIdAsync(TestClients.WebId);

        Assert.Equal(before, await applications.CountAsync());
        Assert.Equal(TestClients.Settings.Keys.Count(k => k.EndsWith(":ClientId", StringComparison.Ordinal)), before);
        Assert.True(await applications.HasRequirementAsync(web!, OpenIddictConstants.Requirements.Features.ProofKeyForCodeExchange));
        Assert.True(await applications.HasPermissionAsync(web!, OpenIddictConstants.Permissions.GrantTypes.AuthorizationCode));
        Assert.False(await applications.HasPermissionAsync(web!, OpenIddictConstants.Permissions.GrantTypes.ClientCredentials));
    }

    [Fact]
    public async Task PruningJob_RemovesRevokedTokensPastTheRetentionButKeepsLiveOnes()
    {
        var live = await AccessTokenAsync(TestClients.FeedId, TestClients.FeedSecret, "catalog:read");
        var revoked = await AccessTokenAsync(TestClients.FeedId, TestClients.FeedSecret, "catalog:read");
        await PostFormAsync("/connect/revoke", new() { ["client_id"] = TestClients.FeedId, ["client_secret"] = TestClients.FeedSecret, ["token"] = revoked });
        await using (var db = fixture.Database.CreateDbContext())
            await db.Database.ExecuteSqlRawAsync("UPDATE openiddict_tokens SET creation_date = now() - interval '2 days' WHERE status = 'revoked'");

        var (tokens, _) = await fixture.Factory.Services.GetRequiredService<TokenPruningJob>().PruneAsync(CancellationToken.None);

        Assert.Equal(1, tokens);
        Assert.Empty((await WithToken(live).PostAsync("{ products(first: 1) { nodes { sku } } }")).ErrorCodes);
    }

    private static Dictionary<string, string> TestGrant(string subject, string roles) => new()
    {
        ["grant_type"] = IdentityServerOptions.TestGrantType, ["client_id"] = TestClients.CatalogAdminId,
        ["client_secret"] = TestClients.CatalogAdminSecret, ["subject"] = subject, ["roles"] = roles,
    };

    [Fact]
    public async Task TestGrant_InTesting_IssuesATokenForTheNamedSubjectAndRoles()
    {
        var (status, body) = await PostFormAsync("/connect/token", TestGrant("staff-42", "catalog_manager"));

        Assert.True(status == HttpStatusCode.OK, body.ToJsonString());
        var response = await WithToken(body["access_token"]!.GetValue<string>()).PostAsync(Create, NewProduct("PRT-042"));
        Assert.Equal("PRT-042", response.EnsureNoErrors().Data!["createProduct"]!["product"]!["sku"]!.GetValue<string>());
    }

    [Fact]
    public async Task TokenForAnotherAudience_IsTreatedAsNoToken()
    {
        var grant = TestGrant("staff-42", "catalog_manager");
        grant["test_audience"] = "another-api";
        var (status, body) = await PostFormAsync("/connect/token", grant);
        Assert.True(status == HttpStatusCode.OK, body.ToJsonString());

        var response = await WithToken(body["access_token"]!.GetValue<string>()).PostAsync(Create, NewProduct("PRT-043"));

        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], response.ErrorCodes);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task TestGrant_OutsideTesting_IsAnUnsupportedGrant(string environment)
    {
        await using var node = new ApiFactory(fixture.Database.ConnectionString, environment: environment);
        using var response = await node.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(TestGrant("staff-42", "admin")));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unsupported_grant_type", body["error"]!.GetValue<string>());
    }
}
