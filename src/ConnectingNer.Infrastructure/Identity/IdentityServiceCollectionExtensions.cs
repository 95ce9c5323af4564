using Microsoft.EntityFrameworkCore;
using ConnectingNer.Infrastructure.Accounts;
using ConnectingNer.Application.Accounts;
using ConnectingNer.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Client;
using static OpenIddict.Abstractions.OpenIddictConstants;
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
        var options = section.Get<IdentityServerOptions>() ?? new IdentityServerOptions();
        services.AddScoped<IdentitySeeder>();
        services.AddSingleton<TokenPruningJob>();
        services.AddSingleton<AccessTokenCache>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, TokenRevocationInterceptor>();
        // LISTEN and the key ring's synchronous reads cannot use the multiplexed pool.
        var unshared = DependencyInjection.Unshared(configuration.GetConnectionString("Default") ?? "");
        services.AddHostedService(sp => new TokenRevocationListener(unshared,
            sp.GetRequiredService<AccessTokenCache>(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<TokenRevocationListener>>()));
        services.AddHostedService(sp => sp.GetRequiredService<TokenPruningJob>());

        // Cookies and anti-forgery tokens of every node use one key ring, kept in PostgreSQL.
        services.AddDataProtection().SetApplicationName("connectingner");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(
            keys => keys.XmlRepository = new PostgresKeyRepository(unshared)));
        services.AddAccounts(options);

        var openIddict = services.AddOpenIddict();
        openIddict
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<AppDbContext>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetIntrospectionEndpointUris("connect/introspect")
                    .SetRevocationEndpointUris("connect/revoke")
                    .SetUserInfoEndpointUris("connect/userinfo")
                    .SetEndSessionEndpointUris("connect/endsession");
                // One issuer for every node, never inferred from a request's Host header.
                server.SetIssuer(new Uri(options.PublicOrigin, UriKind.Absolute));
                server.AllowClientCredentialsFlow().AllowAuthorizationCodeFlow().AllowRefreshTokenFlow();
                server.RequireProofKeyForCodeExchange();
                // S256 only: "plain" sends the verifier itself as the challenge, which PKCE exists to avoid (discovery says so too).
                server.Configure(o => o.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                server.SetAccessTokenLifetime(options.UserAccessTokenLifetime);
                server.SetRefreshTokenReuseLeeway(options.RefreshTokenReuseLeeway);
                server.RegisterScopes(IdentityServerOptions.UserScopes);
                if (isTesting) server.AllowCustomFlow(IdentityServerOptions.TestGrantType);
                server.RegisterScopes(IdentityServerOptions.ApiScopes);
                // The token endpoint checks each client's scopes itself, to answer with the standard invalid_scope.
                server.IgnoreScopePermissions();
                // A shared symmetric key encrypts tokens first when configured: the server and the in-process validation are
                // the only readers, and decrypting an RSA-encrypted token on every API call cost more than the rest of a
                // request (measured: 170 → 700+ authenticated requests/s on two cores). Certificates still decrypt older tokens.
                if (options.TokenEncryptionKey is { Length: > 0 } symmetric)
                    server.AddEncryptionKey(new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(TokenEncryptionKey(symmetric)));
                AddKeys(options, (signing, encryption) => server.AddSigningCertificate(signing).AddEncryptionCertificate(encryption),
                    () => server.AddEphemeralEncryptionKey().AddEphemeralSigningKey());

                // Neither: StartupChecks.VerifyKeys stops the server before it serves (host commands such as `schema export`
                // and `migrate` need no keys and still run).

                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
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
        // The client (social login) only when a provider is configured: its handler otherwise inspects every request for nothing.
        if (options.ExternalProviders.Count > 0) openIddict.AddClient(client => AddFederation(client, options));
        return services;
    }

    /// <summary>
    /// Social login: OpenIddict's client signs people in at Google or Facebook and brings them back to
    /// <c>/callback/login/{provider}</c>. A provider with an <c>Authority</c> is a plain OpenID Connect issuer under
    /// that name (enterprise providers; the fake provider of the tests).
    /// </summary>
    private static void AddFederation(OpenIddictClientBuilder client, IdentityServerOptions options)
    {
        client.AllowAuthorizationCodeFlow();
        client.SetRedirectionEndpointUris([.. options.ExternalProviders.Keys.Append(ExternalProviders.Google).Append(ExternalProviders.Facebook)
            .Select(ExternalProviders.CallbackPath).Distinct()]);
        AddKeys(options, (signing, encryption) => client.AddSigningCertificate(signing).AddEncryptionCertificate(encryption),
            () => client.AddEphemeralSigningKey().AddEphemeralEncryptionKey());
        var aspNetCore = client.UseAspNetCore().EnableRedirectionEndpointPassthrough();
        if (!options.RequireHttps) aspNetCore.DisableTransportSecurityRequirement();
        client.UseSystemNetHttp();
        var web = client.UseWebProviders();
        foreach (var (name, provider) in options.ExternalProviders)
        {
            var redirect = ExternalProviders.CallbackPath(name);
            if (provider.Authority is { Length: > 0 } authority)
            {
                client.AddRegistration(new OpenIddictClientRegistration
                {
                    Issuer = new Uri(authority, UriKind.Absolute),
                    ProviderName = ExternalProviders.Canonical(name),
                    ProviderDisplayName = ExternalProviders.Canonical(name),
                    ClientId = provider.ClientId,
                    ClientSecret = provider.ClientSecret,
                    RedirectUri = new Uri(redirect, UriKind.Relative),
                    Scopes = { Scopes.Email, Scopes.Profile },
                });
            }
            else if (string.Equals(name, ExternalProviders.Google, StringComparison.OrdinalIgnoreCase))
            {
                web.AddGoogle(google => google.SetClientId(provider.ClientId).SetClientSecret(provider.ClientSecret ?? "")
                    .SetRedirectUri(redirect).AddScopes(Scopes.Email, Scopes.Profile));
            }
            else if (string.Equals(name, ExternalProviders.Facebook, StringComparison.OrdinalIgnoreCase))
            {
                web.AddFacebook(facebook => facebook.SetClientId(provider.ClientId).SetClientSecret(provider.ClientSecret ?? "")
                    .SetRedirectUri(redirect).AddScopes(Scopes.Email));
            }
            else
            {
                throw new InvalidOperationException($"Identity:ExternalProviders:{name} needs an Authority (only Google and Facebook are built in).");
            }
        }
    }

    /// <summary>The configured certificates, or ephemeral keys when allowed; neither: StartupChecks.VerifyKeys stops the server.</summary>
    private static void AddKeys(IdentityServerOptions options,
        Action<System.Security.Cryptography.X509Certificates.X509Certificate2, System.Security.Cryptography.X509Certificates.X509Certificate2> certificates,
        Action ephemeral)
    {
        if (options.SigningCertificate is { Length: > 0 } signing && options.EncryptionCertificate is { Length: > 0 } encryption)
            certificates(LoadCertificate(signing, options.CertificatePassword), LoadCertificate(encryption, options.CertificatePassword));
        else if (options.AllowEphemeralKeys)
            ephemeral();
    }

    private static byte[] TokenEncryptionKey(string base64)
    {
        var key = Convert.FromBase64String(base64);
        return key.Length == 32 ? key : throw new InvalidOperationException("Identity:TokenEncryptionKey must be 32 bytes in base64.");
    }

    private static System.Security.Cryptography.X509Certificates.X509Certificate2 LoadCertificate(string base64, string? password) =>
        System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(base64), password,
            System.Security.Cryptography.X509Certificates.X509KeyStorageFlags.EphemeralKeySet);
}
