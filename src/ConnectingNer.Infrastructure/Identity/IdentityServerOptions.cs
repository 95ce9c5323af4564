namespace ConnectingNer.Infrastructure.Identity;

/// <summary>The OAuth 2.0 / OpenID Connect server (section <c>Identity</c>).</summary>
public sealed class IdentityServerOptions
{
    public const string SectionName = "Identity";

    /// <summary>The API's resource name, the audience of its access tokens.</summary>
    public const string ApiResource = "connectingner-api";

    /// <summary>False only for local development and tests over plain HTTP.</summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>
    /// The token signing certificate: a base64 PKCS#12 (PFX) file. Every node must have the same one, or nodes
    /// reject each other's tokens.
    /// </summary>
    public string? SigningCertificate { get; set; }

    /// <summary>The token encryption certificate (base64 PFX), shared by every node like the signing one.</summary>
    public string? EncryptionCertificate { get; set; }

    /// <summary>Password of both PFX files, if any.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>
    /// Without certificates, make keys for this process only (Development, tests, one-node benchmarks). Off in
    /// production, where missing certificates are a configuration error.
    /// </summary>
    public bool AllowEphemeralKeys { get; set; }

    /// <summary>Lifetime of partner (client credentials) access tokens.</summary>
    public TimeSpan PartnerTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often expired and revoked tokens are pruned.</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long an expired or revoked token is kept before pruning (for audits of recent activity).</summary>
    public TimeSpan PruneAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Registered clients; the seed creates or updates them, idempotently.</summary>
    public List<ClientOptions> Clients { get; set; } = [];

    /// <summary>
    /// A password-less grant that only the Testing environment accepts: the client names the subject and roles.
    /// Everywhere else the server does not know the grant (unsupported_grant_type).
    /// </summary>
    public const string TestGrantType = "urn:connectingner:params:oauth:grant-type:test";

    public static readonly string[] ApiScopes =
    [
        "catalog:read", "catalog:write", "orders:read", "orders:write", "orders:fulfil",
        "payments:process", "analytics:aggregate", "privacy:manage",
    ];
}

/// <summary>One client application: a partner's service (client credentials) for now.</summary>
public sealed class ClientOptions
{
    public string ClientId { get; set; } = "";

    public string? ClientSecret { get; set; }

    public string DisplayName { get; set; } = "";

    /// <summary>The partner this client acts for (logistics, payments, …); becomes the <c>partner_id</c> claim.</summary>
    public string? PartnerId { get; set; }

    /// <summary>May use the Testing-only password-less grant (honoured only in the Testing environment).</summary>
    public bool AllowTestGrant { get; set; }

    /// <summary>The only scopes this client may ask for.</summary>
    public List<string> Scopes { get; set; } = [];
}
