using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Privacy;
using ConnectingNer.Infrastructure.Persistence;

namespace ConnectingNer.Infrastructure.Privacy;

/// <summary>
/// Collects the request's disclosures (per subject: categories, fields) and writes one audit event per subject when
/// the request's execution ends, before the answer leaves. If the write fails, the request fails: no data goes out
/// without its record.
/// </summary>
public sealed class DisclosureLedger(AppDbContext db, ICurrentUser caller, TimeProvider clock) : IDisclosureLedger, IDisclosureLedgerWriter
{
    private readonly Dictionary<Guid, (SortedSet<string> Categories, SortedSet<string> Fields, bool AllMasked)> _pending = [];

    public bool HasPending
    {
        get
        {
            lock (_pending) return _pending.Count > 0;
        }
    }

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
        var roles = caller.Roles.Order().ToList();
        var scopes = caller.Scopes.Order().ToList();
        var purpose = Grants.PurposeOf(caller);
        var now = clock.GetUtcNow();
        foreach (var (subject, entry) in _pending)
        {
            db.AuditEvents.Add(new AuditEvent
            {
                OccurredAt = now, ActorSubject = caller.SubjectId ?? "anonymous", ClientId = caller.ClientId,
                ActorRoles = roles, ActorScopes = scopes, Purpose = purpose,
                SubjectId = subject, Categories = [.. entry.Categories], Fields = [.. entry.Fields], Masked = entry.AllMasked,
                OperationName = operationName, DocumentHash = documentHash,
            });
        }

        _pending.Clear();
        await db.SaveChangesAsync(cancellationToken);
    }
}
