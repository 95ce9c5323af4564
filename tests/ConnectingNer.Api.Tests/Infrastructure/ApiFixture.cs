using ConnectingNer.Infrastructure.Accounts;
using System.Data.Common;
using ConnectingNer.Domain.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.Api.Tests.Infrastructure;

/// <summary>One database and one in-memory host shared by the tests of <see cref="ApiCollection"/>, reset before each test.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public PostgresDatabase Database { get; private set; } = null!;

    public ApiFactory Factory { get; private set; } = null!;

    public SqlCommandCounter Sql { get; } = new();

    public async Task InitializeAsync()
    {
        Database = await PostgresDatabase.CreateAsync();
        Factory = new ApiFactory(Database.ConnectionString, Sql);
        _ = Factory.Server; // start the host once
    }

    public GraphQLClient Client() => new(Factory.CreateClient());

    /// <summary>A partner's access token from the token endpoint (client credentials), as a partner gets one.</summary>
    public async Task<string> PartnerTokenAsync(string clientId, string secret, string scope)
    {
        using var http = Factory.CreateClient();
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = scope,
        }));
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return body["access_token"]!.GetValue<string>();
    }

    /// <summary>Empties the database and adds the small catalog every catalog test starts from.</summary>
    public async Task ResetAsync(int productsPerCategory = 5)
    {
        await Database.ResetAsync();
        Factory.Emails.Clear();
        await using (var scope = Factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ConnectingNer.Infrastructure.Identity.IdentitySeeder>().SeedAsync(CancellationToken.None);
        await using var db = Database.CreateDbContext();
        var categories = new[]
        {
            new Category("Tea", "tea", "Assam and beyond."),
            new Category("Spices", "spices", "From the hills."),
            new Category("Handloom", "handloom", "Woven by hand."),
        };
        db.Categories.AddRange(categories);
        await db.SaveChangesAsync();
        var now = new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero);
        foreach (var category in categories)
        {
            for (var i = 1; i <= productsPerCategory; i++)
            {
                // Stock 0, 4, 8, 12, 16: out of stock, low twice, in stock twice.
                var product = Product.Create($"{category.Slug[..3].ToUpperInvariant()}-{i:D3}", $"{category.Name} item {i}",
                    $"Item {i} of {category.Name}.", 10_000 + i * 100, (i - 1) * 4, category.Id, now).Value;
                product.SetTags(TagsOf(i), now);
                db.Products.Add(product);
            }
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Creates a sign-in account directly (as the demo seed does); returns its id.</summary>
    public async Task<Guid> CreateAccountAsync(string email, string? password, bool confirmed = true, params string[] roles)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var (created, user) = await scope.ServiceProvider.GetRequiredService<ConnectingNer.Infrastructure.Accounts.AccountFactory>()
            .CreateAsync(email, password, confirmed, null, CancellationToken.None);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Code)));
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ConnectingNer.Infrastructure.Accounts.AppUser>>();
        foreach (var role in roles) Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user.Id;
    }

    /// <summary>A customer with a full profile (name, phone, birth date, one shipping address); returns their id.</summary>
    public async Task<Guid> CreateCustomerAsync(string email, string name, string phone = "+919876543210")
    {
        var id = await CreateAccountAsync(email, "customer-pass-1");
        await using var scope = Factory.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ConnectingNer.Application.Customers.ICustomerStore>();
        var customer = (await store.FindAsync(id, CancellationToken.None))!;
        Assert.True(customer.UpdateProfile(name, phone, new DateOnly(1991, 2, 3), null, null, DateTimeOffset.UtcNow).IsSuccess);
        customer.AddAddress(ConnectingNer.Domain.Customers.Address.Create(Guid.NewGuid(), ConnectingNer.Domain.Customers.AddressKind.Shipping,
            name, "12 Zoo Narengi Road", null, "Guwahati", "Assam", "781024", "IN", phone, true).Value);
        await store.UpdateAsync(customer, CancellationToken.None);
        return id;
    }

    /// <summary>Item 1: organic and gift; 2: none; 3: organic; 4: gift; 5: organic and limited.</summary>
    public static string[] TagsOf(int item) => item switch
    {
        1 => ["organic", "gift"],
        3 => ["organic"],
        4 => ["gift"],
        5 => ["organic", "limited"],
        _ => [],
    };

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}

/// <summary>Counts the SQL commands a request sends (for the bounded-round-trip checks).</summary>
public sealed class SqlCommandCounter
{
    private int _count;

    public int Count => _count;

    public void Reset()
    {
        Interlocked.Exchange(ref _count, 0);
        lock (Commands) Commands.Clear();
    }

    public IList<string> Commands { get; } = new List<string>();

    public void Record(DbCommand command)
    {
        Interlocked.Increment(ref _count);
        lock (Commands) Commands.Add(command.CommandText);
    }
}
