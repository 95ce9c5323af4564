using ConnectingNer.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
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
    public static IServiceCollection AddIdentityServer(this IServiceCollection services, IConfiguration configuration, bool isTesting)
    {
        var section = configuration.GetSection(IdentityServerOptions.SectionName);
        services.Configure<IdentityServerOptions>(section);
        services.AddHostedService<SigningKeysCheck>();
        var options = section.Get<IdentityServerOptions>() ?? new IdentityServerOptions();
        services.AddScoped<IdentitySeeder>();
        services.AddSingleton<TokenPruningJob>();
        services.AddHostedService(sp => sp.GetRequiredService<TokenPruningJob>());

        // Cookies and anti-forgery tokens of every node use one key ring, kept in PostgreSQL.
        services.AddDataProtection().SetApplicationName("connectingner").PersistKeysToDbContext<AppDbContext>();

        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<AppDbContext>())
            .AddServer(server =>
            {
                server.SetTokenEndpointUris("connect/token")
                    .SetIntrospectionEndpointUris("connect/introspect")
                    .SetRevocationEndpointUris("connect/revoke");
                server.AllowClientCredentialsFlow();
                if (isTesting) server.AllowCustomFlow(IdentityServerOptions.TestGrantType);
                server.RegisterScopes(IdentityServerOptions.ApiScopes);
                // The token endpoint checks each client's scopes itself, to answer with the standard invalid_scope.
                server.IgnoreScopePermissions();
                if (options.SigningCertificate is { Length: > 0 } signing && options.EncryptionCertificate is { Length: > 0 } encryption)
                {
                    server.AddSigningCertificate(LoadCertificate(signing, options.CertificatePassword))
                        .AddEncryptionCertificate(LoadCertificate(encryption, options.CertificatePassword));
                }
                else if (options.AllowEphemeralKeys)
                {
                    server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                }

                // Neither: SigningKeysCheck stops the server at start-up (host commands such as `schema export`
                // and `migrate` need no keys and still run).

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

    private static System.Security.Cryptography.X509Certificates.X509Certificate2 LoadCertificate(string base64, string? password) =>
        System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(base64), password,
            System.Security.Cryptography.X509Certificates.X509KeyStorageFlags.EphemeralKeySet);
}
