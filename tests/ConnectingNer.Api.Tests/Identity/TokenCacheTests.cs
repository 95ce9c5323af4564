using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ConnectingNer.Infrastructure.Accounts;
using ConnectingNer.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace ConnectingNer.Api.Tests.Identity;

/// <summary>
/// Validated access tokens are kept in memory (no SQL for a token seen before), and every way a token stops being
/// valid still refuses it on every node within a second: a revoked token, a revoked authorization (sign-out), an
/// account whose sessions ended (locked, password reset).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class TokenCacheTests(ApiFixture fixture) : IAsyncLifetime
{
    private const string Email = "mitra@example.in";
    private const string Password = "brahmaputra-2";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(1);

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        await fixture.CreateAccountAsync(Email, Password);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// A node, started, whose revocation listener is live: until it is, the node validates every token in full and
    /// keeps none (correct, but not what these tests are about), and a fast start can answer before it connects.
    /// </summary>
    private WebApplicationFactory<Program> Node(SqlCommandCounter? sql = null)
    {
        var node = new ApiFactory(fixture.Database.ConnectionString, sql: sql);
        var cache = node.Services.GetRequiredService<AccessTokenCache>();
        Assert.True(SpinWait.SpinUntil(() => cache.IsLive, TimeSpan.FromSeconds(10)), "the node's revocation listener did not connect");
        return node;
    }

    private static async Task<string> PartnerTokenAsync(WebApplicationFactory<Program> node)
    {
        using var response = await node.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = TestClients.FeedId,
            ["client_secret"] = TestClients.FeedSecret, ["scope"] = "catalog:read",
        }));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
    }

    private static async Task<string> CustomerTokenAsync(WebApplicationFactory<Program> node)
    {
        var flow = new CodeFlow(TestClients.WebId, TestClients.WebRedirect);
        var back = await flow.SignInAsync(Browser.For(node), Email, Password);
        var (status, body) = await flow.RedeemAsync(node.CreateClient(), back.LocationParameter("code")!, TestClients.WebSecret);
        Assert.Equal(HttpStatusCode.OK, status);
        return body["access_token"]!.GetValue<string>();
    }

    /// <summary>True when the node accepts the token (a signed-in caller), false when it answers as to a stranger.</summary>
    private static async Task<bool> AcceptsAsync(WebApplicationFactory<Program> node, string token)
    {
        var http = node.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        // `me` is the signed-in customer; a stranger gets null.
        var response = await new GraphQLClient(http).PostAsync("{ __typename me { id } }");
        return response.Data?["me"] is JsonObject;
    }

    private static async Task<bool> AcceptsPartnerAsync(WebApplicationFactory<Program> node, string token)
    {
        var http = node.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await new GraphQLClient(http).PostAsync(
            """mutation { setProductStock(input: { id: "UHJvZHVjdDox", stock: 1 }) { errors { code } } }""");
        // Accepted with catalog:read only: not authorized; not accepted: not authenticated.
        return response.ErrorCodes.SequenceEqual(["AUTH_NOT_AUTHORIZED"]);
    }

    /// <summary>Polls the node until it refuses the token; returns how long that took (or fails after the limit and a margin).</summary>
    private static async Task<TimeSpan> RefusedAfterAsync(Func<Task<bool>> accepts, Stopwatch since)
    {
        while (since.Elapsed < Limit * 3)
        {
            if (!await accepts()) return since.Elapsed;
            await Task.Delay(20);
        }

        throw new Xunit.Sdk.XunitException($"still accepted {since.Elapsed} after its revocation");
    }

    private static void AssertCached(WebApplicationFactory<Program> node) =>
        Assert.True(node.Services.GetRequiredService<AccessTokenCache>().Count > 0, "the node did not keep the validated token");

    [Fact]
    public async Task TokenSeenBefore_CostsNoSql()
    {
        var sql = new SqlCommandCounter();
        await using var node = Node(sql);
        var token = await CustomerTokenAsync(node);
        Assert.True(await AcceptsAsync(node, token));
        var http = node.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        sql.Reset();
        var response = await new GraphQLClient(http).PostAsync("{ __typename }");

        Assert.Equal("Query", response.Data!["__typename"]!.GetValue<string>());
        Assert.Equal(0, sql.Count);
        AssertCached(node);
    }

    /// <summary>Revokes the partner token at the node's revocation endpoint.</summary>
    private static async Task RevokeAsync(WebApplicationFactory<Program> node, string token)
    {
        using var revoke = await node.CreateClient().PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = TestClients.FeedId, ["client_secret"] = TestClients.FeedSecret, ["token"] = token,
        }));
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
    }

    /// <summary>
    /// The customer signs in at node A; node B accepts the token and keeps it; <paramref name="endSessions"/> runs on A.
    /// Returns how long B then took to refuse the token.
    /// </summary>
    private async Task<TimeSpan> CustomerRefusedOnAnotherNodeAfterAsync(Func<IServiceProvider, AppUser, Task> endSessions)
    {
        await using var a = Node();
        await using var b = Node();
        var token = await CustomerTokenAsync(a);
        Assert.True(await AcceptsAsync(b, token));
        AssertCached(b);

        var since = Stopwatch.StartNew();
        await using (var scope = a.Services.CreateAsyncScope())
        {
            var user = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(Email))!;
            await endSessions(scope.ServiceProvider, user);
        }

        return await RefusedAfterAsync(() => AcceptsAsync(b, token), since);
    }

    [Fact]
    public async Task PartnerTokenRevokedOnOneNode_IsRefusedByAnotherWithinASecond()
    {
        await using var a = Node();
        await using var b = Node();
        var token = await PartnerTokenAsync(a);
        Assert.True(await AcceptsPartnerAsync(b, token));
        Assert.True(await AcceptsPartnerAsync(b, token));
        AssertCached(b);

        var since = Stopwatch.StartNew();
        await RevokeAsync(a, token);

        Assert.True(await RefusedAfterAsync(() => AcceptsPartnerAsync(b, token), since) < Limit);
    }

    [Fact]
    public async Task TokenRevokedOnTheSameNode_IsRefusedByItsNextRequest()
    {
        await using var node = Node();
        var token = await PartnerTokenAsync(node);
        Assert.True(await AcceptsPartnerAsync(node, token));
        AssertCached(node);

        await RevokeAsync(node, token);

        Assert.False(await AcceptsPartnerAsync(node, token));
    }

    [Fact]
    public async Task AuthorizationRevokedOnOneNode_RefusesItsTokensOnAnother() =>
        // Only the authorization (a signed-out session's record): its tokens' own entries still say valid.
        Assert.True(await CustomerRefusedOnAnotherNodeAfterAsync(async (services, user) =>
        {
            var authorizations = services.GetRequiredService<IOpenIddictAuthorizationManager>();
            await foreach (var authorization in authorizations.FindBySubjectAsync(user.Id.ToString()))
                Assert.True(await authorizations.TryRevokeAsync(authorization));
        }) < Limit);

    [Fact]
    public async Task AccountLockedOnOneNode_RefusesItsTokensOnAnother() =>
        Assert.True(await CustomerRefusedOnAnotherNodeAfterAsync(async (services, user) =>
            Assert.True((await services.GetRequiredService<UserManager<AppUser>>().SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddDays(1))).Succeeded))
            < Limit);
}

/// <summary>The cache's own rules, on the real type (no database needed).</summary>
public sealed class AccessTokenCacheRulesTests
{
    private static AccessTokenCache Cache(int size = 10) =>
        new(Microsoft.Extensions.Options.Options.Create(new IdentityServerOptions { AccessTokenCacheSize = size }), TimeProvider.System);

    private static System.Security.Claims.ClaimsPrincipal Principal(string tokenId, string? authorizationId = null, double minutes = 5)
    {
        var identity = new System.Security.Claims.ClaimsIdentity("test");
        var principal = new System.Security.Claims.ClaimsPrincipal(identity).SetTokenId(tokenId)
            .SetExpirationDate(DateTimeOffset.UtcNow.AddMinutes(minutes));
        return authorizationId is null ? principal : principal.SetAuthorizationId(authorizationId);
    }

    private static AccessTokenCache Listening(int size = 10)
    {
        var cache = Cache(size);
        cache.Heard();
        cache.SetLive(true);
        return cache;
    }

    [Fact]
    public void KeepsAValidatedToken_UntilItsIdOrAuthorizationIsRevoked()
    {
        var cache = Listening();
        cache.Add("one", Principal("t1", "a1"), cache.Generation);
        cache.Add("two", Principal("t2", "a2"), cache.Generation);

        Assert.True(cache.TryGet("one", out _));
        cache.Revoke(AccessTokenCache.TokenPrefix + "t1");
        cache.Revoke(AccessTokenCache.AuthorizationPrefix + "a2");

        Assert.False(cache.TryGet("one", out _));
        Assert.False(cache.TryGet("two", out _));
    }

    [Fact]
    public void RevocationDuringValidation_KeepsTheResultOut()
    {
        var cache = Listening();
        var before = cache.Generation;
        cache.Revoke(AccessTokenCache.TokenPrefix + "some-other-token");

        cache.Add("one", Principal("t1"), before);

        Assert.False(cache.TryGet("one", out _));
    }

    [Fact]
    public void AnswersNothing_WhileTheListenerIsOff_OrSilent_OrForAnExpiredToken()
    {
        var off = Cache();
        off.Add("one", Principal("t1"), off.Generation);
        Assert.False(off.TryGet("one", out _));

        var silent = Listening();
        silent.Add("one", Principal("t1"), silent.Generation);
        Assert.True(silent.TryGet("one", out _));
        Thread.Sleep(AccessTokenCache.SilenceLimit + TimeSpan.FromMilliseconds(200));
        Assert.False(silent.TryGet("one", out _));

        var expired = Listening();
        expired.Add("old", Principal("t1", minutes: -1), expired.Generation);
        Assert.False(expired.TryGet("old", out _));
    }

    [Fact]
    public void StaysWithinItsSize_AndKeepsNothingWithoutATokenEntry()
    {
        var cache = Listening(size: 2);
        cache.Add("one", Principal("t1"), cache.Generation);
        cache.Add("two", Principal("t2"), cache.Generation);
        cache.Add("three", Principal("t3"), cache.Generation);
        cache.Add("no-entry", new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity("test"))
            .SetExpirationDate(DateTimeOffset.UtcNow.AddMinutes(5)), cache.Generation);

        Assert.Equal(2, cache.Count);
        Assert.False(cache.TryGet("three", out _));
    }

    [Theory]
    [InlineData("UPDATE openiddict_tokens SET concurrency_token = @p0, status = @p1 WHERE id = @p2 AND concurrency_token = @p3;", true)]
    [InlineData("UPDATE openiddict_tokens AS o SET status = @p WHERE o.subject = @subject", true)]
    [InlineData("UPDATE openiddict_authorizations SET concurrency_token = @p0, status = @p1 WHERE id = @p2", true)]
    [InlineData("DELETE FROM openiddict_tokens AS o WHERE o.creation_date < @threshold", true)]
    [InlineData("DELETE FROM openiddict_authorizations AS o WHERE o.id = @id", true)]
    [InlineData("UPDATE openiddict_tokens SET concurrency_token = @p0, payload = @p1 WHERE id = @p2", false)]
    [InlineData("SELECT o.id, o.status FROM openiddict_tokens AS o WHERE o.id = @id LIMIT 1", false)]
    [InlineData("INSERT INTO openiddict_tokens (id, status) VALUES (@p0, @p1)", false)]
    [InlineData("UPDATE orders SET status = @p0 WHERE id = @p1", false)]
    public void LocalStatements_ThatEndTokens_ClearTheCache(string sql, bool revokes) =>
        Assert.Equal(revokes, TokenRevocationInterceptor.Revokes(sql));
}
