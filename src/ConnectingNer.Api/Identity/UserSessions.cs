using ConnectingNer.Infrastructure.Accounts;
using System.Security.Claims;
using ConnectingNer.Application.Customers;
using ConnectingNer.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ConnectingNer.Api.Identity;

/// <summary>
/// Browser sessions at the sign-in server and the tokens made from them. Each session has an id (<c>sid</c>) that
/// its OAuth authorizations remember, so signing out revokes exactly the tokens that session produced.
/// </summary>
public sealed class UserSessions(
    SignInManager<AppUser> signIn, UserManager<AppUser> users, ICustomerStore customers,
    IOpenIddictApplicationManager applications, IOpenIddictAuthorizationManager authorizations, IOpenIddictTokenManager tokens,
    TimeProvider clock)
{
    public const string SessionIdClaim = "sid";

    /// <summary>Starts a session cookie for the account.</summary>
    public Task SignInAsync(AppUser user) =>
        signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(SessionIdClaim, Guid.NewGuid().ToString("N"))]);

    /// <summary>The claim, kept only in codes and refresh tokens, that ties them to the account's security stamp.</summary>
    public const string StampClaim = "cn_stamp";

    /// <summary>
    /// True when the account may sign in and get tokens now: it exists, is not locked out, and has confirmed its email
    /// address. Until then nobody holds tokens for it, so an account registered with someone else's address (account
    /// pre-hijacking) never opens anything.
    /// </summary>
    public async Task<bool> CanSignInAsync(AppUser user) =>
        user.EmailConfirmed && await signIn.CanSignInAsync(user) && !await users.IsLockedOutAsync(user);

    /// <summary>A digest of the account's security stamp (the stamp itself never leaves the database).</summary>
    public async Task<string> StampDigestAsync(AppUser user) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(await users.GetSecurityStampAsync(user)))).ToLowerInvariant();

    /// <summary>
    /// The identity a token carries for a person: the subject and roles always (access token), name, email and phone
    /// in the identity token only when the client asked for that scope.
    /// </summary>
    /// <param name="signedInAt">When the person entered their credentials (a new sign-in); a refreshed identity keeps its own.</param>
    public async Task<ClaimsIdentity> CreateTokenIdentityAsync(AppUser user, IEnumerable<string> scopes, ClaimsIdentity? from = null,
        DateTimeOffset? signedInAt = null)
    {
        var identity = from is null
            ? new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role)
            : new ClaimsIdentity(from.Claims, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        var granted = scopes.ToHashSet(StringComparer.Ordinal);
        var customer = await customers.FindAsync(user.Id, CancellationToken.None);
        identity.SetClaim(Claims.Subject, user.Id.ToString())
            .SetClaim(Claims.Name, customer?.Name ?? customer?.Email)
            .SetClaim(Claims.Email, customer?.Email)
            .SetClaim(Claims.EmailVerified, user.EmailConfirmed)
            .SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)])
            .SetClaim(StampClaim, await StampDigestAsync(user));
        if (signedInAt is { } at) identity.SetClaim(Claims.AuthenticationTime, at.ToUnixTimeSeconds());
        identity.SetScopes(granted);
        identity.SetResources(IdentityServerOptions.ApiResource);
        identity.SetDestinations(claim => claim.Type switch
        {
            // auth_time: requests that disclose or destroy data need a recent sign-in (prompt=login or max_age renews it).
            Claims.Subject or Claims.AuthenticationTime => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.Role => [Destinations.AccessToken],
            Claims.Name when granted.Contains(Scopes.Profile) => [Destinations.IdentityToken],
            Claims.Email or Claims.EmailVerified when granted.Contains(Scopes.Email) => [Destinations.IdentityToken],
            _ => [],
        });
        return identity;
    }

    /// <summary>Records the sign-in's authorization (ad hoc, tied to the browser session) for revocation.</summary>
    public async Task<string?> CreateAuthorizationAsync(ClaimsIdentity identity, object application, string? sessionId, CancellationToken cancellationToken)
    {
        var descriptor = new OpenIddictAuthorizationDescriptor
        {
            ApplicationId = await applications.GetIdAsync(application, cancellationToken),
            CreationDate = clock.GetUtcNow(),
            Principal = new ClaimsPrincipal(identity),
            Status = Statuses.Valid,
            Subject = identity.GetClaim(Claims.Subject),
            Type = AuthorizationTypes.AdHoc,
        };
        foreach (var scope in identity.GetScopes()) descriptor.Scopes.Add(scope);
        if (sessionId is not null) descriptor.Properties[SessionIdClaim] = System.Text.Json.JsonSerializer.SerializeToElement(sessionId);
        var authorization = await authorizations.CreateAsync(descriptor, cancellationToken);
        return await authorizations.GetIdAsync(authorization, cancellationToken);
    }

    /// <summary>Ends the session: its authorizations and their tokens are revoked, then the cookie is removed.</summary>
    public async Task<int> SignOutAsync(ClaimsPrincipal session, CancellationToken cancellationToken)
    {
        var subject = session.FindFirst(Claims.Subject)?.Value;
        var sessionId = session.FindFirst(SessionIdClaim)?.Value;
        var revoked = 0;
        if (subject is not null && sessionId is not null)
        {
            var matching = new List<object>();
            await foreach (var authorization in authorizations.FindBySubjectAsync(subject, cancellationToken))
            {
                var properties = await authorizations.GetPropertiesAsync(authorization, cancellationToken);
                if (properties.TryGetValue(SessionIdClaim, out var sid) && sid.ValueKind == System.Text.Json.JsonValueKind.String
                    && sid.GetString() == sessionId)
                    matching.Add(authorization);
            }

            foreach (var authorization in matching)
            {
                var id = await authorizations.GetIdAsync(authorization, cancellationToken);
                if (await authorizations.TryRevokeAsync(authorization, cancellationToken)) revoked++;
                if (id is not null) await tokens.RevokeByAuthorizationIdAsync(id, cancellationToken);
            }
        }

        await signIn.SignOutAsync();
        return revoked;
    }
}
