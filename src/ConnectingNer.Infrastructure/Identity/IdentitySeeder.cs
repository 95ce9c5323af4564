using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ConnectingNer.Infrastructure.Identity;

/// <summary>Registers the API scopes and the configured clients; running it again updates, never duplicates.</summary>
public sealed class IdentitySeeder(
    IOpenIddictApplicationManager applications, IOpenIddictScopeManager scopes,
    IOptions<IdentityServerOptions> options, ILogger<IdentitySeeder> logger)
{
    public const string PartnerIdProperty = "partner_id";

    public async Task SeedAsync(CancellationToken cancellationToken)
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
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = client.ClientId,
                ClientSecret = client.ClientSecret,
                ClientType = ClientTypes.Confidential,
                DisplayName = client.DisplayName,
                Permissions =
                {
                    Permissions.Endpoints.Token,
                    Permissions.Endpoints.Introspection,
                    Permissions.Endpoints.Revocation,
                    Permissions.GrantTypes.ClientCredentials,
                },
            };
            foreach (var scope in client.Scopes) descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
            if (client.AllowTestGrant) descriptor.Permissions.Add(Permissions.Prefixes.GrantType + IdentityServerOptions.TestGrantType);
            if (client.PartnerId is not null)
                descriptor.Properties[PartnerIdProperty] = JsonSerializer.SerializeToElement(client.PartnerId);

            var existing = await applications.FindByClientIdAsync(client.ClientId, cancellationToken);
            if (existing is null) await applications.CreateAsync(descriptor, cancellationToken);
            else await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }

        logger.LogInformation("Identity seed: {Scopes} scopes, {Clients} clients", IdentityServerOptions.ApiScopes.Length, options.Value.Clients.Count);
    }
}
