using ConnectingNer.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.Infrastructure.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>
    /// OpenIddict in this host: the token, introspection and revocation endpoints (client credentials for partners),
    /// stores in PostgreSQL, and in-process validation of the API's access tokens with token entry validation, so
    /// a revoked token stops working at once.
    /// </summary>
    public static IServiceCollection AddIdentityServer(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(IdentityServerOptions.SectionName);
        services.Configure<IdentityServerOptions>(section);
        var options = section.Get<IdentityServerOptions>() ?? new IdentityServerOptions();
        services.AddScoped<IdentitySeeder>();
        services.AddSingleton<TokenPruningJob>();
        services.AddHostedService(sp => sp.GetRequiredService<TokenPruningJob>());

        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<AppDbContext>())
            .AddServer(server =>
            {
                server.SetTokenEndpointUris("connect/token")
                    .SetIntrospectionEndpointUris("connect/introspect")
                    .SetRevocationEndpointUris("connect/revoke");
                server.AllowClientCredentialsFlow();
                server.RegisterScopes(IdentityServerOptions.ApiScopes);
                // The token endpoint checks each client's scopes itself, to answer with the standard invalid_scope.
                server.IgnoreScopePermissions();
                // Keys from configuration arrive with the multi-node work; until then each process has its own.
                server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                var aspNetCore = server.UseAspNetCore().EnableTokenEndpointPassthrough();
                if (!options.RequireHttps) aspNetCore.DisableTransportSecurityRequirement();
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
                validation.EnableTokenEntryValidation();
                validation.EnableAuthorizationEntryValidation();
                validation.AddAudiences(IdentityServerOptions.ApiResource);
            });
        return services;
    }
}
