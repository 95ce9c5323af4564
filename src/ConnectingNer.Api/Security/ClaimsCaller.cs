using System.Runtime.CompilerServices;
using System.Security.Claims;
using ConnectingNer.Application.Common.Security;
using Microsoft.Extensions.Primitives;

namespace ConnectingNer.Api.Security;

/// <summary>
/// The one reader of the caller's claims: turns the principal an access token (or the test scheme) produced into the
/// Application's <see cref="ICurrentUser"/>. Nothing else parses <c>sub</c>, <c>client_id</c>, <c>partner_id</c>,
/// <c>oi_scp</c> or role claims.
/// </summary>
public sealed class ClaimsCaller : ICurrentUser
{
    /// <summary>The header in which a caller may declare why they look at someone's data.</summary>
    public const string PurposeHeader = "Purpose";

    public const int PurposeMaxLength = 100;

    public ClaimsCaller(ClaimsPrincipal user, string? declaredPurpose = null)
    {
        IsAuthenticated = user.Identity?.IsAuthenticated == true;
        if (!IsAuthenticated) return;
        SubjectId = user.FindFirst("sub")?.Value;
        ClientId = user.FindFirst("client_id")?.Value ?? user.FindFirst("azp")?.Value;
        PartnerId = user.FindFirst("partner_id")?.Value;
        Roles = user.Identities.SelectMany(i => i.FindAll(i.RoleClaimType)).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        // OpenIddict validation gives one `oi_scp` claim per scope; other issuers a space-separated `scope`.
        Scopes = user.FindAll("oi_scp").Select(c => c.Value)
            .Concat(user.FindAll("scope").SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .ToHashSet(StringComparer.Ordinal);
        if (long.TryParse(user.FindFirst("auth_time")?.Value, out var authTime)) AuthenticatedAt = DateTimeOffset.FromUnixTimeSeconds(authTime);
        var purpose = declaredPurpose?.Trim();
        DeclaredPurpose = string.IsNullOrEmpty(purpose) ? null : purpose.Length > PurposeMaxLength ? purpose[..PurposeMaxLength] : purpose;
    }

    public static readonly ClaimsCaller Anonymous = new(new ClaimsPrincipal(new ClaimsIdentity()));

    public bool IsAuthenticated { get; }

    public string? SubjectId { get; }

    public string? ClientId { get; }

    public string? PartnerId { get; }

    public IReadOnlySet<string> Roles { get; } = new HashSet<string>();

    public IReadOnlySet<string> Scopes { get; } = new HashSet<string>();

    public string? DeclaredPurpose { get; }

    public DateTimeOffset? AuthenticatedAt { get; }
}

/// <summary>The caller of the current HTTP request, read from its principal once the principal is known.</summary>
public sealed class HttpContextCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? _readFrom;
    private ClaimsCaller _caller = ClaimsCaller.Anonymous;

    private ClaimsCaller Caller
    {
        get
        {
            var context = accessor.HttpContext;
            if (context is null) return ClaimsCaller.Anonymous;
            // Authentication may replace the principal after this scope began: read it again when it changed.
            if (!ReferenceEquals(_readFrom, context.User))
            {
                _caller = Read(context.User, context.Request.Headers[ClaimsCaller.PurposeHeader]);
                _readFrom = context.User;
            }

            return _caller;
        }
    }

    /// <summary>
    /// The token cache gives every request that presents a token the same principal, never changed once validated: its
    /// claims are read once and kept with it (a weak table, so the reading goes when the principal does). A declared
    /// purpose belongs to one request, so a request with one reads the claims afresh.
    /// </summary>
    private static readonly ConditionalWeakTable<ClaimsPrincipal, ClaimsCaller> ByPrincipal = new();

    private static ClaimsCaller Read(ClaimsPrincipal user, StringValues purpose) =>
        user.Identity?.IsAuthenticated != true ? ClaimsCaller.Anonymous
        : StringValues.IsNullOrEmpty(purpose) ? ByPrincipal.GetValue(user, static principal => new ClaimsCaller(principal))
        : new ClaimsCaller(user, purpose.ToString());

    public bool IsAuthenticated => Caller.IsAuthenticated;

    public string? SubjectId => Caller.SubjectId;

    public string? ClientId => Caller.ClientId;

    public string? PartnerId => Caller.PartnerId;

    public IReadOnlySet<string> Roles => Caller.Roles;

    public IReadOnlySet<string> Scopes => Caller.Scopes;

    public string? DeclaredPurpose => Caller.DeclaredPurpose;

    public DateTimeOffset? AuthenticatedAt => Caller.AuthenticatedAt;
}
