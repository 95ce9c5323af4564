namespace ConnectingNer.Application.Common.Security;

/// <summary>
/// Who is calling, read once from the caller's credentials (the host's adapter is the only reader of claims): the
/// person (<see cref="SubjectId"/>), the application they use (<see cref="ClientId"/>), the partner a client acts for,
/// their staff roles and the scopes their token carries.
/// </summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    /// <summary>The signed-in person's id (a customer's id is their account's), or a partner client's id; null when anonymous.</summary>
    string? SubjectId { get; }

    /// <summary>The OAuth client the token was issued to (the web shop, the mobile app, a partner's service).</summary>
    string? ClientId { get; }

    /// <summary>The partner a client-credentials token acts for (logistics, payments, …); null for people.</summary>
    string? PartnerId { get; }

    /// <summary>Staff roles (see <see cref="Roles"/>); empty for customers and partners.</summary>
    IReadOnlySet<string> Roles { get; }

    /// <summary>The scopes the access token was granted (<c>catalog:write</c>, <c>orders:fulfil</c>, …).</summary>
    IReadOnlySet<string> Scopes { get; }

    /// <summary>The purpose the caller declared for this request (the <c>Purpose</c> header), at most 100 characters.</summary>
    string? DeclaredPurpose { get; }

    /// <summary>When the person last entered their credentials (the token's <c>auth_time</c>); null when unknown.</summary>
    DateTimeOffset? AuthenticatedAt => null;
}

public static class CurrentUserExtensions
{
    /// <summary>The caller's id as a customer id, when it is one (partners' subjects are client ids).</summary>
    public static bool TryGetPersonId(this ICurrentUser user, out Guid id)
    {
        id = Guid.Empty;
        return user.IsAuthenticated && Guid.TryParse(user.SubjectId, out id);
    }

    /// <summary>How recent a sign-in must be before a request that discloses or destroys personal data.</summary>
    public static readonly TimeSpan RecentSignIn = TimeSpan.FromMinutes(10);

    /// <summary>True when the person signed in (entered their credentials) no longer than <see cref="RecentSignIn"/> ago.</summary>
    public static bool SignedInRecently(this ICurrentUser user, DateTimeOffset now) =>
        user.AuthenticatedAt is { } at && now - at <= RecentSignIn && at <= now.AddMinutes(1);

    /// <summary>True when the caller meets the named policy (see <see cref="Policies"/>).</summary>
    public static bool Satisfies(this ICurrentUser user, string policy) => Policies.IsMet(policy, user);
}
