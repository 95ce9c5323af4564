using System.Text;
using ConnectingNer.Application.Customers;
using ConnectingNer.Infrastructure.Privacy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ConnectingNer.Api.Tests.Customers;

/// <summary>What the database alone gives away: nothing personal, and nothing at all once a customer's key is gone.</summary>
[Collection(ApiCollection.Name)]
public sealed class EncryptionAtRestTests(ApiFixture fixture) : IAsyncLifetime
{
    private const string Email = "Priyanka.Baruah@example.in";
    private const string Name = "Priyanka Baruah";
    private const string Phone = "+919876543210";
    private const string Street = "12 Zoo Narengi Road";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Guid> CustomerWithProfileAsync()
    {
        var id = await fixture.CreateAccountAsync(Email, "guwahati-pass-1");
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ICustomerStore>();
        var customer = (await store.FindAsync(id, CancellationToken.None))!;
        Assert.True(customer.UpdateProfile(Name, Phone, new DateOnly(1990, 4, 14), null, null, DateTimeOffset.UtcNow).IsSuccess);
        customer.AddAddress(ConnectingNer.Domain.Customers.Address.Create(Guid.NewGuid(), ConnectingNer.Domain.Customers.AddressKind.Shipping,
            Name, Street, null, "Guwahati", "Assam", "781024", "IN", null, true).Value);
        await store.UpdateAsync(customer, CancellationToken.None);
        return id;
    }

    /// <summary>Every text and byte column of every row of the tables that hold accounts and customers, as text.</summary>
    private async Task<string> RawDumpAsync()
    {
        await using var connection = new NpgsqlConnection(fixture.Database.ConnectionString);
        await connection.OpenAsync();
        var dump = new StringBuilder();
        foreach (var table in new[] { "users", "customers", "customer_keys", "user_logins", "user_claims", "user_tokens" })
        {
            await using var command = new NpgsqlCommand($"SELECT * FROM {table}", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.GetValue(i);
                    dump.Append(value is byte[] bytes ? Encoding.UTF8.GetString(bytes) + Encoding.Latin1.GetString(bytes) : value?.ToString()).Append('|');
                }
            }
        }

        return dump.ToString();
    }

    [Fact]
    public async Task RawTables_HoldNoPlaintextEmailNamePhoneOrAddress()
    {
        await CustomerWithProfileAsync();

        var dump = await RawDumpAsync();

        Assert.True(dump.Length > 200, "the dump read too little to prove anything");
        foreach (var secret in new[] { Email, Email.ToLowerInvariant(), Email.ToUpperInvariant(), Name, "Baruah", Phone, "9876543210", Street, "Narengi", "781024" })
            Assert.DoesNotContain(secret, dump, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignInByEmail_StillWorks_ThroughTheBlindIndex_InAnyLetterCase()
    {
        await CustomerWithProfileAsync();
        var browser = Identity.Browser.For(fixture.Factory);

        var page = await browser.SubmitAsync(await browser.GetAsync("/account/login"),
            new Dictionary<string, string> { ["email"] = "  priyanka.baruah@EXAMPLE.in ", ["password"] = "guwahati-pass-1" });

        Assert.Equal(System.Net.HttpStatusCode.Redirect, page.Status);
    }

    [Fact]
    public async Task DestroyingTheDataKey_MakesTheProfileUnreadable_ForGood()
    {
        var id = await CustomerWithProfileAsync();
        await using var db = fixture.Database.CreateDbContext();
        var ciphertext = (await db.Customers.SingleAsync(c => c.Id == id)).PersonalData;

        await db.CustomerKeys.Where(k => k.CustomerId == id).ExecuteDeleteAsync();

        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<ICustomerStore>().FindAsync(id, CancellationToken.None));
        Assert.Equal(ciphertext, (await db.Customers.SingleAsync(c => c.Id == id)).PersonalData);
        // Nor does any other customer's key open it: the ciphertext is bound to this customer.
        var otherId = await fixture.CreateAccountAsync("other@example.in", "other-pass-12");
        var otherKey = await db.CustomerKeys.SingleAsync(k => k.CustomerId == otherId);
        var cipher = fixture.Factory.Services.GetRequiredService<PersonalDataCipher>();
        var otherDataKey = cipher.Unwrap(otherKey.MasterKeyId, otherKey.WrappedKey, otherId);
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => PersonalDataCipher.Open(otherDataKey, id, ciphertext));
    }

    [Fact]
    public async Task Server_WithoutPrivacyKeys_RefusesToStart()
    {
        await using var node = new ApiFactory(fixture.Database.ConnectionString).WithWebHostBuilder(builder =>
            builder.UseSetting("Privacy:CurrentMasterKeyId", "no-such-key"));

        var error = Assert.ThrowsAny<Exception>(() => node.CreateClient());

        Assert.Contains("Privacy:CurrentMasterKeyId", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RotatingTheMasterKey_RewrapsDataKeys_WithoutTouchingTheProfiles()
    {
        var id = await CustomerWithProfileAsync();
        await using var db = fixture.Database.CreateDbContext();
        var before = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == id);
        var keyBefore = await db.CustomerKeys.AsNoTracking().SingleAsync(k => k.CustomerId == id);
        await using var rotated = new ApiFactory(fixture.Database.ConnectionString).WithWebHostBuilder(builder =>
            builder.UseSetting("Privacy:CurrentMasterKeyId", TestPrivacyKeys.Next));

        int first, second;
        await using (var scope = rotated.Services.CreateAsyncScope())
        {
            var rotation = scope.ServiceProvider.GetRequiredService<MasterKeyRotation>();
            first = await rotation.RewrapAsync(CancellationToken.None);
            second = await rotation.RewrapAsync(CancellationToken.None);
        }

        var after = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == id);
        var keyAfter = await db.CustomerKeys.AsNoTracking().SingleAsync(k => k.CustomerId == id);
        Assert.Equal((1, 0), (first, second));
        Assert.Equal(TestPrivacyKeys.Current, keyBefore.MasterKeyId);
        Assert.Equal(TestPrivacyKeys.Next, keyAfter.MasterKeyId);
        Assert.NotEqual(keyBefore.WrappedKey, keyAfter.WrappedKey);
        Assert.Equal(before.PersonalData, after.PersonalData);
        await using (var scope = rotated.Services.CreateAsyncScope())
            Assert.Equal(Name, (await scope.ServiceProvider.GetRequiredService<ICustomerStore>().FindAsync(id, CancellationToken.None))!.Name);
    }
}
