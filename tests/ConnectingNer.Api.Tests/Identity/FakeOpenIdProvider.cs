using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ConnectingNer.Api.Tests.Identity;

/// <summary>Who the fake provider says is signing in next.</summary>
public sealed record FakeAccount(string Subject, string? Email, bool? EmailVerified, string Name);

/// <summary>
/// A minimal OpenID provider of our own on 127.0.0.1 (an OpenIddict server on real Kestrel) that stands in for Google or
/// Facebook: discovery, JWKS, an authorize endpoint that signs in <see cref="Next"/> without a page, and a token
/// endpoint that checks the client's id and secret. Our server reaches it over real HTTP, as it would reach Google.
/// </summary>
public sealed class FakeOpenIdProvider : IAsyncDisposable
{
    public const string ClientId = "connectingner-test-client";
    public const string ClientSecret = "connectingner-test-secret";

    private readonly WebApplication _app;

    private FakeOpenIdProvider(WebApplication app, Uri issuer)
    {
        _app = app;
        Issuer = issuer;
    }

    public Uri Issuer { get; }

    /// <summary>The account the next authorization request signs in.</summary>
    public FakeAccount Next { get; set; } = new("fake-subject-1", "someone@gmail.com", true, "Someone");

    /// <summary>How many codes the token endpoint redeemed (proves our server called it).</summary>
    public int Redeemed { get; private set; }

    public static async Task<FakeOpenIdProvider> StartAsync(string callbackPath)
    {
        // The issuer names the port before Kestrel binds it: a socket that takes the port meanwhile (an outgoing
        // connection's local end, say) fails the bind, and the provider starts again on another.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnAsync(callbackPath, FreePort());
            }
            catch (IOException e) when (attempt < 5 && e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
            }
        }
    }

    private static async Task<FakeOpenIdProvider> StartOnAsync(string callbackPath, int port)
    {
        var issuer = new Uri($"http://127.0.0.1:{port}/");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        FakeOpenIdProvider? self = null;
        builder.Services.AddOpenIddict().AddServer(server =>
        {
            server.SetIssuer(issuer);
            server.SetAuthorizationEndpointUris("authorize").SetTokenEndpointUris("token");
            server.AllowAuthorizationCodeFlow();
            server.RegisterScopes(Scopes.Email, Scopes.Profile);
            server.AddSigningCertificate(TestCertificates.Load(TestCertificates.Signing))
                .AddEncryptionCertificate(TestCertificates.Load(TestCertificates.Encryption)).DisableAccessTokenEncryption();
            // No stores: this provider knows one client, checked by the two handlers below.
            server.EnableDegradedMode();
            server.UseAspNetCore().EnableAuthorizationEndpointPassthrough().EnableTokenEndpointPassthrough().DisableTransportSecurityRequirement();
            server.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId) context.Reject(Errors.InvalidClient, "unknown client");
                else if (context.RedirectUri?.EndsWith(callbackPath, StringComparison.Ordinal) != true) context.Reject(Errors.InvalidRequest, "bad redirect_uri");
                return default;
            }));
            server.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.Request.ClientSecret != ClientSecret) context.Reject(Errors.InvalidClient, "bad client credentials");
                return default;
            }));
        });
        var app = builder.Build();
        app.MapGet("/authorize", (HttpContext http) =>
        {
            var request = http.GetOpenIddictServerRequest()!;
            var account = self!.Next;
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, account.Subject).SetClaim(Claims.Name, account.Name);
            if (account.Email is not null) identity.SetClaim(Claims.Email, account.Email);
            if (account.EmailVerified is { } verified) identity.SetClaim(Claims.EmailVerified, verified);
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        app.MapPost("/token", async (HttpContext http) =>
        {
            var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            self!.Redeemed++;
            return Results.SignIn(result.Principal!, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        self = new FakeOpenIdProvider(app, issuer);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return self;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
