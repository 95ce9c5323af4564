using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace ConnectingNer.Infrastructure.Identity;

/// <summary>
/// Access tokens this node has validated in full (signature, lifetime, audience, and the token and authorization
/// entries in PostgreSQL), with the principal each produced, so that a token presented again costs no decryption and
/// no SQL. An entry lives until its token expires or is revoked:
/// <list type="bullet">
/// <item>revocations on any node reach every node through PostgreSQL's <c>LISTEN/NOTIFY</c> (triggers on the token and
/// authorization tables; <see cref="TokenRevocationListener"/>), usually within milliseconds;</item>
/// <item>revocations made through this node's own database context clear it before their request answers
/// (<see cref="TokenRevocationInterceptor"/>), so "revoke, then call" is refused even on the same node;</item>
/// <item>while the listener is not connected the cache is off (every request validated in full) and it starts empty
/// when the listener reconnects: a notice missed while disconnected cannot leave a revoked token in it.</item>
/// </list>
/// Only tokens with a token entry are kept (a revocation needs an id to name them). Bounded by
/// <see cref="IdentityServerOptions.AccessTokenCacheSize"/>.
/// </summary>
public sealed class AccessTokenCache(IOptions<IdentityServerOptions> options, TimeProvider clock)
{
    /// <summary>The PostgreSQL channel the revocation triggers notify.</summary>
    public const string Channel = "token_revocations";

    /// <summary>Notice payloads: <c>t:&lt;token id&gt;</c>, <c>a:&lt;authorization id&gt;</c>.</summary>
    public const string TokenPrefix = "t:", AuthorizationPrefix = "a:";

    private sealed record Entry(ClaimsPrincipal Principal, string TokenId, string? AuthorizationId, DateTimeOffset Expires);

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly int capacity = Math.Max(0, options.Value.AccessTokenCacheSize);
    private long generation;
    private long lastHeard = long.MinValue / 2;
    private volatile bool live;

    /// <summary>How long the cache answers after the listener last heard from PostgreSQL (a notice or a check).</summary>
    public static readonly TimeSpan SilenceLimit = TimeSpan.FromSeconds(1);

    /// <summary>Whether the cache is in use: the listener is connected (so revocations elsewhere reach it) and it has room.</summary>
    public bool IsLive => live && capacity > 0;

    public int Count => entries.Count;

    /// <summary>Read before validating a token in full and passed to <see cref="Add"/>: a revocation seen in between keeps the result out.</summary>
    public long Generation => Interlocked.Read(ref generation);

    public bool TryGet(string token, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ClaimsPrincipal? principal) =>
        TryGet(token.AsSpan(), out principal);

    /// <summary>Looks a token up without a string of its own (the request's header holds it).</summary>
    public bool TryGet(ReadOnlySpan<char> token, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ClaimsPrincipal? principal)
    {
        principal = null;
        var byText = entries.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!live || Environment.TickCount64 - Interlocked.Read(ref lastHeard) > (long)SilenceLimit.TotalMilliseconds
            || !byText.TryGetValue(token, out var entry)) return false;
        if (entry.Expires <= clock.GetUtcNow())
        {
            byText.TryRemove(token, out _);
            return false;
        }

        principal = entry.Principal;
        return true;
    }

    /// <summary>Keeps a principal OpenIddict's validation accepted, unless a revocation arrived since <paramref name="generationBefore"/>.</summary>
    public void Add(string token, ClaimsPrincipal principal, long generationBefore)
    {
        if (!IsLive || principal.GetTokenId() is not { Length: > 0 } tokenId || principal.GetExpirationDate() is not { } expires) return;
        if (entries.Count >= capacity && RemoveExpired() == 0) return;
        if (Generation != generationBefore) return;
        entries[token] = new Entry(principal, tokenId, principal.GetAuthorizationId(), expires);
        // A revocation that raced the line above either saw the entry (and removed it) or changed the generation here.
        if (Generation != generationBefore) entries.TryRemove(token, out _);
    }

    /// <summary>Applies one notice from the revocation channel.</summary>
    public void Revoke(string notice)
    {
        if (notice.StartsWith(TokenPrefix, StringComparison.Ordinal)) RemoveWhere(notice[TokenPrefix.Length..], authorization: false);
        else if (notice.StartsWith(AuthorizationPrefix, StringComparison.Ordinal)) RemoveWhere(notice[AuthorizationPrefix.Length..], authorization: true);
        else Clear();
    }

    /// <summary>Forgets every entry (a revocation whose tokens are not known by id, or a reconnected listener).</summary>
    public void Clear()
    {
        Interlocked.Increment(ref generation);
        entries.Clear();
    }

    /// <summary>Called by the listener whenever its connection proved alive.</summary>
    public void Heard() => Interlocked.Exchange(ref lastHeard, Environment.TickCount64);

    /// <summary>Called by the listener: on when it listens (starting empty), off when its connection is lost.</summary>
    public void SetLive(bool listening)
    {
        live = listening;
        Clear();
    }

    private void RemoveWhere(string id, bool authorization)
    {
        Interlocked.Increment(ref generation);
        foreach (var (token, entry) in entries)
            if (authorization ? entry.AuthorizationId == id : entry.TokenId == id)
                entries.TryRemove(token, out _);
    }

    private int RemoveExpired()
    {
        var now = clock.GetUtcNow();
        var removed = 0;
        foreach (var (token, entry) in entries)
            if (entry.Expires <= now && entries.TryRemove(token, out _)) removed++;
        return removed;
    }
}
