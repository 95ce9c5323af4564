using ConnectingNer.Application.Consent;
using ConnectingNer.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Infrastructure.Consent;

/// <summary>
/// The latest decision per customer or subscriber for a purpose, in one statement (DISTINCT ON), kept where it grants,
/// still counts, and no restriction or objection of the customer stops it.
/// </summary>
internal sealed class PostgresConsentAudience(AppDbContext db) : IConsentAudience
{
    private sealed class Row
    {
        public int Id { get; init; }

        public Guid? CustomerId { get; init; }

        public Guid? SubscriberId { get; init; }
    }

    public async Task<IReadOnlyList<(int RecordId, ConsentSubject Subject)>> HoldingAsync(string purpose, int after, int first, CancellationToken cancellationToken)
    {
        // A decision counts while no material version was published after the one it was made under.
        var rows = await db.Database.SqlQuery<Row>($"""
            SELECT latest.id, latest.customer_id, latest.subscriber_id
            FROM (
                SELECT DISTINCT ON (customer_id, subscriber_id) id, customer_id, subscriber_id, granted, policy_version
                FROM consent_records
                WHERE purpose = {purpose} AND (customer_id IS NOT NULL OR subscriber_id IS NOT NULL)
                ORDER BY customer_id, subscriber_id, recorded_at DESC, id DESC
            ) AS latest
            JOIN privacy_policy_versions AS v ON v.version = latest.policy_version
            WHERE latest.granted AND latest.id > {after}
              AND NOT EXISTS (SELECT 1 FROM privacy_policy_versions AS m WHERE m.material AND m.published_at > v.published_at)
              -- A restriction or objection in force stops the purpose for the customer, whatever their consent says.
              AND (latest.customer_id IS NULL OR NOT processing_restricted(latest.customer_id, {purpose}))
            ORDER BY latest.id
            LIMIT {first}
            """).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Id, r.CustomerId is { } c ? ConsentSubject.Customer(c) : ConsentSubject.Subscriber(r.SubscriberId!.Value)))];
    }
}
