using ConnectingNer.Application.Ordering;
using ConnectingNer.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Infrastructure.Ordering;

/// <summary>
/// One upsert that increments the counter and returns the new value; the row stays locked until the transaction
/// ends, so concurrent orders take numbers one after another and a rollback leaves no gap.
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
