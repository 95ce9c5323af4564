using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ConnectingNer.Api.Tests.Identity;

/// <summary>Two API nodes on one database with the configured certificates: either accepts the other's tokens and revocations.</summary>
[Collection(ApiCollection.Name)]
public sealed class MultiNodeTests(ApiFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static string NewCertificate(string name) => TestCertificates.Create(name);

    private WebApplicationFactory<Program> Node(string signing, string encryption, string? tokenKey = null) =>
        new ApiFactory(fixture.Database.ConnectionString).WithWebHostBuilder(builder =>
        {
            if (tokenKey is not null) builder.UseSetting("Identity:TokenEncryptionKey", tokenKey);
            builder.UseSetting("Identity:AllowEphemeralKeys", "false");
            builder.UseSetting("Identity:SigningCertificate", signing);
            builder.UseSetting("Identity:EncryptionCertificate", encryption);
        });

    private static async Task<string> TokenAsync(HttpClient node)
    {
        using var response = await node.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = TestClients.FeedId,
            ["client_secret"] = TestClients.FeedSecret, ["scope"] = "catalog:read",
        }));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
    }

    private static async Task<IReadOnlyList<string>> CodesAsync(HttpClient node, string token)
    {
        // A mutation needs an authenticated caller: denied as not authenticated when the token is not accepted,
        // as not authorized (catalog:read only) when it is.
        node.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await new GraphQLClient(node).PostAsync(
            """mutation { setProductStock(input: { id: "UHJvZHVjdDox", stock: 1 }) { errors { code } } }""");
        return response.ErrorCodes;
    }

    [Fact]
    public async Task TokenFromOneNode_IsAcceptedByTheOther_AndItsRevocationToo()
    {
        var signing = NewCertificate("connectingner-signing");
        var encryption = NewCertificate("connectingner-encryption");
        await using var a = Node(signing, encryption);
        await using var b = Node(signing, encryption);

        var token = await TokenAsync(a.CreateClient());
        var before = await CodesAsync(b.CreateClient(), token);
        using var revoke = await a.CreateClient().PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = TestClients.FeedId, ["client_secret"] = TestClients.FeedSecret, ["token"] = token,
        }));
        // The other node may have the token cached: the revocation reaches it through the database within a second.
        var after = await CodesAsync(b.CreateClient(), token);
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); after.SequenceEqual(["AUTH_NOT_AUTHORIZED"]) && waited.Elapsed < TimeSpan.FromSeconds(1);)
        {
            await Task.Delay(20);
            after = await CodesAsync(b.CreateClient(), token);
        }

        Assert.Equal(["AUTH_NOT_AUTHORIZED"], before);
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], after);
    }

    [Fact]
    public async Task DataProtectedByOneNode_IsReadByTheOther_WithOneKeyRingInPostgreSql()
    {
        var signing = NewCertificate("connectingner-signing");
        var encryption = NewCertificate("connectingner-encryption");
        await using var a = Node(signing, encryption);
        await using var b = Node(signing, encryption);
        a.CreateClient().Dispose();
        b.CreateClient().Dispose();
        const string purpose = "ConnectingNer.Tests.SharedKeyRing";

        // Links in e-mails (unsubscribe, privacy requests) and sign-in cookies are protected by whichever node served.
        var sealedByA = a.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose).Protect("asha");
        var openedByB = b.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose).Unprotect(sealedByA);

        await using var connection = new NpgsqlConnection(fixture.Database.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM data_protection_keys WHERE xml LIKE '<key %'", connection);
        Assert.Equal("asha", openedByB);
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task NodesWithDifferentCertificates_RejectEachOthersTokens()
    {
        await using var a = Node(NewCertificate("a-signing"), NewCertificate("a-encryption"), Convert.ToBase64String(new byte[32]));
        await using var b = Node(NewCertificate("b-signing"), NewCertificate("b-encryption"), Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray()));

        var token = await TokenAsync(a.CreateClient());

        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], await CodesAsync(b.CreateClient(), token));
    }

    [Fact]
    public async Task Server_WithoutCertificatesOutsideDevelopment_RefusesToStart()
    {
        await using var node = new ApiFactory(fixture.Database.ConnectionString)
            .WithWebHostBuilder(builder =>
            {
                builder.UseSetting("Identity:AllowEphemeralKeys", "false");
                builder.UseSetting("Identity:SigningCertificate", "");
                builder.UseSetting("Identity:EncryptionCertificate", "");
            });

        var error = Assert.ThrowsAny<Exception>(() => node.CreateClient());

        Assert.Contains("Identity:SigningCertificate", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpiredPartnerToken_IsRejected()
    {
        var lifetime = TimeSpan.FromSeconds(3);
        await using var node = new ApiFactory(fixture.Database.ConnectionString)
            .WithWebHostBuilder(builder => builder.UseSetting("Identity:PartnerTokenLifetime", lifetime.ToString()));
        // Warm the node first (schema, validation handlers): on a slow machine the first request alone can outlast a short lifetime.
        await CodesAsync(node.CreateClient(), "not-a-token");
        var issued = DateTimeOffset.UtcNow;
        var token = await TokenAsync(node.CreateClient());
        var fresh = await CodesAsync(node.CreateClient(), token);
        var freshChecked = DateTimeOffset.UtcNow;

        var untilExpired = issued + lifetime + TimeSpan.FromSeconds(1) - DateTimeOffset.UtcNow;
        if (untilExpired > TimeSpan.Zero)
        {
            await Task.Delay(untilExpired);
        }

        var expired = await CodesAsync(node.CreateClient(), token);

        Assert.True(freshChecked - issued < lifetime, "the machine was too slow to check the token while it was fresh");
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], fresh);
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], expired);
    }
}
