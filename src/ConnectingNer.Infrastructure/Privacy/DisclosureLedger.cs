using System.Security.Claims;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http;

namespace ConnectingNer.Infrastructure.Privacy;

/// <summary>
/// Collects the request's disclosures (per subject: categories, fields) and writes one audit event per subject when
/// the request's execution ends, before the answer leaves. If the write fails, the request fails: no data goes out
/// without its record.
/// </summary>
public sealed class DisclosureLedger(AppDbContext db, IHttpContextAccessor accessor, TimeProvider clock) : IDisclosureLedger, IDisclosureLedgerWriter
{
    private readonly Dictionary<Guid, (SortedSet<string> Categories, SortedSet<string> Fields, bool AllMasked)> _pending = [];

    public void Record(Guid subjectId, string category, string field, bool masked)
    {
        lock (_pending)
        {
            if (!_pending.TryGetValue(subjectId, out var entry))
                entry = ([], [], true);
            entry.Categories.Add(category);
            entry.Fields.Add(field);
            _pending[subjectId] = (entry.Categories, entry.Fields, entry.AllMasked && masked);
        }
    }

    public async Task FlushAsync(string? operationName, string documentHash, CancellationToken cancellationToken)
    {
        if (_pending.Count == 0) return;
        var user = accessor.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());
        var roles = user.Identities.SelectMany(i => i.FindAll(i.RoleClaimType)).Select(c => c.Value).Distinct().Order().ToList();
        var scopes = user.FindAll("oi_scp").Select(c => c.Value)
            .Concat(user.FindAll("scope").SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))).Distinct().Order().ToList();
        var now = clock.GetUtcNow();
        foreach (var (subject, entry) in _pending)
        {
            db.AuditEvents.Add(new AuditEvent
            {
                OccurredAt = now, ActorSubject = user.FindFirst("sub")?.Value ?? "anonymous",
                ClientId = user.FindFirst("client_id")?.Value ?? user.FindFirst("azp")?.Value,
                ActorRoles = roles, ActorScopes = scopes, Purpose = Purpose(accessor.HttpContext, roles),
                SubjectId = subject, Categories = [.. entry.Categories], Fields = [.. entry.Fields], Masked = entry.AllMasked,
                OperationName = operationName, DocumentHash = documentHash,
            });
        }

        _pending.Clear();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The purpose the caller declares in the <c>Purpose</c> header, else the one their role implies.</summary>
    private static string Purpose(HttpContext? context, List<string> roles)
    {
        var declared = context?.Request.Headers["Purpose"].ToString().Trim();
        if (!string.IsNullOrEmpty(declared)) return declared.Length > 100 ? declared[..100] : declared;
        if (roles.Contains("privacy_officer")) return "privacy_review";
        if (roles.Contains("support")) return "customer_support";
        return roles.Contains("admin") ? "administration" : "unspecified";
    }
}
