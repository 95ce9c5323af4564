using ConnectingNer.Application.Ordering;
using ConnectingNer.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Infrastructure.Ordering;

/// <summary>
/// One upsert that increments the counter and returns the new value; the row stays locked until the transaction
/// ends, so concurrent takers queue and a rollback leaves no gap. Used for invoice numbers at payment; new orders
/// (and a cash-on-delivery order's invoice) are numbered by the same counter at commit, by a trigger (decision 0009).
/// </summary>
public sealed class PostgresOrderNumbers(AppDbContext db) : IOrderNumbers
{
    public async Task<long> NextAsync(string series, string financialYear, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<long>($"""
            INSERT INTO order_number_counters (series, financial_year, last) VALUES ({series}, {financialYear}, 1)
            ON CONFLICT (series, financial_year) DO UPDATE SET last = order_number_counters.last + 1
            RETURNING last AS "Value"
            """).AsAsyncEnumerable().SingleAsync(cancellationToken);
}
