namespace ConnectingNer.Infrastructure.Identity;

/// <summary>The OAuth 2.0 / OpenID Connect server (section <c>Identity</c>).</summary>
public sealed class IdentityServerOptions
{
    public const string SectionName = "Identity";

    /// <summary>The API's resource name, the audience of its access tokens.</summary>
    public const string ApiResource = "connectingner-api";

    /// <summary>
    /// The server's public address (scheme, host, port), used in links sent by email. Never taken from a request's
    /// Host header, which a caller controls.
    /// </summary>
    public string PublicOrigin { get; set; } = "http://localhost:5080";

    /// <summary>False only for local development and tests over plain HTTP.</summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>
    /// The token signing certificate: a base64 PKCS#12 (PFX) file. Every node must have the same one, or nodes
    /// reject each other's tokens.
    /// </summary>
    public string? SigningCertificate { get; set; }

    /// <summary>The token encryption certificate (base64 PFX), shared by every node like the signing one.</summary>
    public string? EncryptionCertificate { get; set; }

    /// <summary>
    /// 32 random bytes in base64, the same on every node: encrypts access tokens, codes and refresh tokens with AES
    /// instead of the encryption certificate's RSA key (much cheaper to decrypt on every API call).
    /// </summary>
    public string? TokenEncryptionKey { get; set; }

    /// <summary>Password of both PFX files, if any.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>
    /// Without certificates, make keys for this process only (Development, tests, one-node benchmarks). Off in
    /// production, where missing certificates are a configuration error.
    /// </summary>
    public bool AllowEphemeralKeys { get; set; }

    /// <summary>
    /// Attempts at accounts (sign in, register, forgot and reset password; pages and GraphQL alike) allowed per client IP
    /// address and minute: slows password guessing across accounts, account probing and sign-up spam (lockout already
    /// guards each account).
    /// </summary>
    public int AccountAttemptsPerMinute { get; set; } = 20;

    /// <summary>Account emails (confirmation, "already registered", password reset) one address may receive per hour.</summary>
    public int EmailsPerAddressPerHour { get; set; } = 5;

    /// <summary>Lifetime of partner (client credentials) access tokens.</summary>
    public TimeSpan PartnerTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How many validated access tokens each node keeps in memory so that a token presented again costs no decryption
    /// and no SQL (a revocation is refused at once by the node that made it and within a second by every other; see
    /// <see cref="AccessTokenCache"/>). 0 turns the cache off.
    /// </summary>
    public int AccessTokenCacheSize { get; set; } = 10_000;

    /// <summary>How often expired and revoked tokens are pruned.</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long an expired or revoked token is kept before pruning (for audits of recent activity).</summary>
    public TimeSpan PruneAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Lifetime of access tokens issued to signed-in people (code and refresh grants).</summary>
    public TimeSpan UserAccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long a used refresh token may be presented again (a client racing itself). Zero: any replay is treated
    /// as theft and revokes the whole chain.
    /// </summary>
    public TimeSpan RefreshTokenReuseLeeway { get; set; } = TimeSpan.Zero;

    /// <summary>Registered clients; the seed creates or updates them, idempotently.</summary>
    public List<ClientOptions> Clients { get; set; } = [];

    /// <summary>
    /// Social-login providers by name (<c>Google</c>, <c>Facebook</c>): only configured ones are offered.
    /// </summary>
    public Dictionary<string, ExternalProviderOptions> ExternalProviders { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Accounts the demo seed creates (Development only); never configure any in production.</summary>
    public List<DemoAccountOptions> DemoAccounts { get; set; } = [];

    /// <summary>
    /// A password-less grant that only the Testing environment accepts: the client names the subject and roles.
    /// Everywhere else the server does not know the grant (unsupported_grant_type).
    /// </summary>
    public const string TestGrantType = "urn:connectingner:params:oauth:grant-type:test";

    /// <summary>
    /// The only scopes a signed-in person's token may carry (code flow). Staff powers come from roles, never from a
    /// scope, so no client can turn a customer's sign-in into a catalog manager's token.
    /// </summary>
    public static readonly string[] UserScopes =
    [
        "openid", "profile", "email", "phone", "address", "offline_access", "catalog:read", "orders:read", "orders:write",
    ];

    public static readonly string[] ApiScopes =
    [
        "catalog:read", "catalog:write", "orders:read", "orders:write", "orders:fulfil",
        "payments:process", "analytics:aggregate", "marketing:send", "privacy:manage",
    ];
}

/// <summary>
/// One client application: a partner's service (client credentials), or an app people sign in to (code + PKCE,
/// refresh tokens): confidential for a web back end, public for a mobile app.
/// </summary>
public sealed class ClientOptions
{
    public string ClientId { get; set; } = "";

    /// <summary><c>confidential</c> (has a secret) or <c>public</c> (mobile, browser IDE: no secret, PKCE only).</summary>
    public string Type { get; set; } = "confidential";

    /// <summary>
    /// <c>authorization_code</c>, <c>refresh_token</c>, <c>client_credentials</c>; none listed means client credentials.
    /// (Empty by default: configuration binding appends to a list, it would not replace a default entry.)
    /// </summary>
    public List<string> GrantTypes { get; set; } = [];

    /// <summary>Exact redirect URIs for the code flow (custom schemes such as <c>in.connectingner.shop:/callback</c> allowed).</summary>
    public List<string> RedirectUris { get; set; } = [];

    /// <summary>Exact URIs the end-session endpoint may send the browser back to.</summary>
    public List<string> PostLogoutRedirectUris { get; set; } = [];

    public string? ClientSecret { get; set; }

    public string DisplayName { get; set; } = "";

    /// <summary>The partner this client acts for (logistics, payments, …); becomes the <c>partner_id</c> claim.</summary>
    public string? PartnerId { get; set; }

    /// <summary>May use the Testing-only password-less grant (honoured only in the Testing environment).</summary>
    public bool AllowTestGrant { get; set; }

    /// <summary>The only scopes this client may ask for.</summary>
    public List<string> Scopes { get; set; } = [];
}

/// <summary>A social-login provider. Without <see cref="Authority"/>, OpenIddict's built-in integration is used.</summary>
public sealed class ExternalProviderOptions
{
    public string ClientId { get; set; } = "";

    public string? ClientSecret { get; set; }

    /// <summary>
    /// A standard OpenID Connect issuer to use under this provider's name instead of the built-in integration
    /// (an enterprise identity provider, or the fake provider the tests start).
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>
    /// The provider only ever shares verified email addresses, even without an <c>email_verified</c> claim
    /// (Facebook returns confirmed addresses only).
    /// </summary>
    public bool EmailsAreVerified { get; set; }
}

/// <summary>A demo account for local development.</summary>
public sealed class DemoAccountOptions
{
    public string Email { get; set; } = "";

    public string Password { get; set; } = "";

    public string? DisplayName { get; set; }

    public List<string> Roles { get; set; } = [];
}
