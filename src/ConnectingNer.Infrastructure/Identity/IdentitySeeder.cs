using ConnectingNer.Infrastructure.Accounts;
using ConnectingNer.Application.Common.Security;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ConnectingNer.Infrastructure.Identity;

/// <summary>
/// Registers the API scopes, the configured clients, the staff roles and (Development) the demo accounts; running it
/// again updates, never duplicates.
/// </summary>
public sealed class IdentitySeeder(
    IOpenIddictApplicationManager applications, IOpenIddictScopeManager scopes,
    RoleManager<IdentityRole<Guid>> roles, UserManager<AppUser> users, IServiceProvider services,
    IOptions<IdentityServerOptions> options, ILogger<IdentitySeeder> logger)
{
    public const string PartnerIdProperty = "partner_id";

    /// <param name="demoAccounts">Also create the configured demo accounts (demo seed only).</param>
    public async Task SeedAsync(CancellationToken cancellationToken, bool demoAccounts = false)
    {
        foreach (var name in IdentityServerOptions.ApiScopes)
        {
            var descriptor = new OpenIddictScopeDescriptor { Name = name, Resources = { IdentityServerOptions.ApiResource } };
            var existing = await scopes.FindByNameAsync(name, cancellationToken);
            if (existing is null) await scopes.CreateAsync(descriptor, cancellationToken);
            else await scopes.UpdateAsync(existing, descriptor, cancellationToken);
        }

        foreach (var client in options.Value.Clients)
        {
            var descriptor = Describe(client);
            var existing = await applications.FindByClientIdAsync(client.ClientId, cancellationToken);
            if (existing is null) await applications.CreateAsync(descriptor, cancellationToken);
            else await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }

        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) Check(await roles.CreateAsync(new IdentityRole<Guid>(role)));
        }

        if (demoAccounts)
        {
            foreach (var account in options.Value.DemoAccounts) await SeedAccountAsync(account, cancellationToken);
        }

        logger.LogInformation("Identity seed: {Scopes} scopes, {Clients} clients, {Accounts} demo accounts",
            IdentityServerOptions.ApiScopes.Length, options.Value.Clients.Count, demoAccounts ? options.Value.DemoAccounts.Count : 0);
    }

    private static OpenIddictApplicationDescriptor Describe(ClientOptions client)
    {
        var isPublic = string.Equals(client.Type, ClientTypes.Public, StringComparison.OrdinalIgnoreCase);
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientSecret = isPublic ? null : client.ClientSecret,
            ClientType = isPublic ? ClientTypes.Public : ClientTypes.Confidential,
            // First-party apps: signing in is the consent; nothing to approve on a second screen.
            ConsentType = ConsentTypes.Implicit,
            DisplayName = client.DisplayName,
            Permissions = { Permissions.Endpoints.Token, Permissions.Endpoints.Revocation },
        };
        if (!isPublic) descriptor.Permissions.Add(Permissions.Endpoints.Introspection);
        var grants = client.GrantTypes.Count > 0 ? client.GrantTypes : [GrantTypes.ClientCredentials];
        foreach (var grant in grants) descriptor.Permissions.Add(Permissions.Prefixes.GrantType + grant);
        if (grants.Contains(GrantTypes.AuthorizationCode))
        {
            descriptor.Permissions.Add(Permissions.Endpoints.Authorization);
            descriptor.Permissions.Add(Permissions.Endpoints.EndSession);
            descriptor.Permissions.Add(Permissions.ResponseTypes.Code);
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        }

        foreach (var uri in client.RedirectUris) descriptor.RedirectUris.Add(new Uri(uri, UriKind.Absolute));
        foreach (var uri in client.PostLogoutRedirectUris) descriptor.PostLogoutRedirectUris.Add(new Uri(uri, UriKind.Absolute));
        foreach (var scope in client.Scopes) descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        if (client.AllowTestGrant) descriptor.Permissions.Add(Permissions.Prefixes.GrantType + IdentityServerOptions.TestGrantType);
        if (client.PartnerId is not null)
            descriptor.Properties[PartnerIdProperty] = JsonSerializer.SerializeToElement(client.PartnerId);
        return descriptor;
    }

    private async Task SeedAccountAsync(DemoAccountOptions account, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(account.Email);
        if (user is null)
        {
            // Resolved only here: creating an account needs the privacy keys, registering clients and roles does not.
            var accounts = services.GetRequiredService<AccountFactory>();
            var (created, newUser) = await accounts.CreateAsync(account.Email, account.Password, true, account.DisplayName, cancellationToken);
            Check(created);
            user = newUser;
        }

        foreach (var role in account.Roles.Where(Roles.All.Contains))
        {
            if (!await users.IsInRoleAsync(user, role)) Check(await users.AddToRoleAsync(user, role));
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Identity seed failed: " + string.Join("; ", result.Errors.Select(e => e.Code)));
    }
}
