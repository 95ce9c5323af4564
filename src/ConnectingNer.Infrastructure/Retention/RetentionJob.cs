using ConnectingNer.Application.Retention;
using ConnectingNer.Domain.Retention;
using ConnectingNer.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ConnectingNer.Infrastructure.Retention;

/// <summary>
/// The retention engine: once a day (the first time shortly after start), every rule of <c>retention_rules</c> that deletes is applied
/// in batches of <see cref="BatchSize"/> rows, skipping the rows of customers under a legal hold, and each pass is
/// recorded in <c>retention_runs</c> (counts, never content). Idempotent: safe on many nodes.
/// </summary>
public sealed class RetentionJob(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<RetentionJob> logger)
    : BackgroundService
{
    public const int BatchSize = 1000;

    /// <summary>How long after start the first pass runs (<c>Retention:FirstRunDelay</c>, default 10 minutes): soon, so a node
    /// restarted every day still applies the rules, but not while the node is starting.</summary>
    public TimeSpan FirstRunDelay => configuration.GetValue("Retention:FirstRunDelay", TimeSpan.FromMinutes(10));

    private const string NotHeld = "NOT EXISTS (SELECT 1 FROM legal_holds AS h WHERE h.customer_id = t.customer_id AND h.released_at IS NULL)";

    /// <summary>The rows each deleting rule reaches: table and the column its period runs from (table and column names are ours, never input).</summary>
    private static readonly Dictionary<string, (string Table, string From, string Extra)> Targets = new()
    {
        [RetentionRule.Events] = ("shop_events", "occurred_at", ""),
        [RetentionRule.Carts] = ("carts", "updated_at", ""),
        [RetentionRule.Exports] = ("data_exports", "created_at", ""),
        [RetentionRule.ClosedPrivacyRequests] = ("privacy_requests", "closed_at", " AND t.status IN ('Completed', 'Rejected')"),
    };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Delay(FirstRunDelay, clock, stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1), clock);
        do
        {
            try
            {
                await RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The retention job failed; it runs again tomorrow");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass over every rule; returns the runs it recorded.</summary>
    public async Task<IReadOnlyList<RetentionRun>> RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        var runs = new List<RetentionRun>();
        foreach (var rule in await db.Set<RetentionRule>().AsNoTracking().Where(r => r.Action == RetentionAction.Delete).ToListAsync(cancellationToken))
        {
            if (!Targets.TryGetValue(rule.Code, out var target)) continue;
            var threshold = rule.Threshold(now);
            // Only our own table and column names are spliced in; the threshold is a parameter.
            var expired = $"t.{target.From} < @p0{target.Extra}";
            var countHeld = $"SELECT count(*)::int AS \"Value\" FROM {target.Table} AS t WHERE {expired} AND t.customer_id IS NOT NULL AND NOT {NotHeld}";
            var deleteBatch = $"DELETE FROM {target.Table} WHERE id IN (SELECT t.id FROM {target.Table} AS t WHERE {expired} "
                + $"AND (t.customer_id IS NULL OR {NotHeld}) LIMIT {BatchSize})";
            var held = await db.Database.SqlQueryRaw<int>(countHeld, threshold).SingleAsync(cancellationToken);
            var deleted = 0;
            int batch;
            do
            {
                batch = await db.Database.ExecuteSqlRawAsync(deleteBatch, [threshold], cancellationToken);
                deleted += batch;
            }
            while (batch == BatchSize);

            var run = new RetentionRun(rule.Code, now, deleted, held);
            db.Set<RetentionRun>().Add(run);
            runs.Add(run);
            if (deleted > 0 || held > 0) logger.LogInformation("Retention {Rule}: deleted {Deleted}, kept {Held} under legal hold", rule.Code, deleted, held);
        }

        await db.SaveChangesAsync(cancellationToken);
        return runs;
    }
}
