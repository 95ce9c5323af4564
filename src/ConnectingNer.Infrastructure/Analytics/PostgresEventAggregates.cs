using ConnectingNer.Application.Analytics;
using ConnectingNer.Domain.Analytics;
using ConnectingNer.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Infrastructure.Analytics;

/// <summary>Groups and counts in one statement: days in the shop's time zone (India Standard Time), people as distinct customers or devices.</summary>
internal sealed class PostgresEventAggregates(AppDbContext db) : IEventAggregates
{
    private sealed class Row
    {
        public DateOnly Day { get; init; }

        public string Type { get; init; } = "";

        public int? ProductId { get; init; }

        public int Events { get; init; }

        public int People { get; init; }
    }

    public async Task<IReadOnlyList<EventGroup>> GroupAsync(DateTimeOffset from, DateTimeOffset to, bool byProduct, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQuery<Row>($"""
            SELECT (occurred_at AT TIME ZONE 'Asia/Kolkata')::date AS day, type,
                   CASE WHEN {byProduct} THEN product_id END AS product_id,
                   count(*)::int AS events, count(DISTINCT coalesce(customer_id, device_id))::int AS people
            FROM shop_events
            WHERE occurred_at >= {from} AND occurred_at < {to}
              -- A customer who restricted analytics (or all processing) is left out from the next request on.
              AND (customer_id IS NULL OR NOT processing_restricted(customer_id, 'analytics'))
            GROUP BY 1, 2, 3
            ORDER BY 1, 2, 3
            """).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new EventGroup(r.Day, Enum.Parse<ShopEventType>(r.Type), r.ProductId, r.Events, r.People))];
    }
}
