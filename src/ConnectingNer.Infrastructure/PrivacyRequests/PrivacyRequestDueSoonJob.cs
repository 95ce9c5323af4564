using ConnectingNer.Application.PrivacyRequests;
using ConnectingNer.Domain.PrivacyRequests;
using ConnectingNer.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ConnectingNer.Infrastructure.PrivacyRequests;

/// <summary>
/// Once a day, tells the privacy officer which open requests fall due within <see cref="PrivacyRequestSettings.DueSoonDays"/>
/// days or are overdue: references and due dates only, no one's data.
/// </summary>
public sealed class PrivacyRequestDueSoonJob(IServiceScopeFactory scopes, PrivacyRequestSettings settings, TimeProvider clock,
    ILogger<PrivacyRequestDueSoonJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await NotifyAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The due-soon notice failed; it runs again tomorrow");
            }
        }
    }

    /// <summary>One pass; returns how many requests the notice named (none: no notice).</summary>
    public async Task<int> NotifyAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var horizon = clock.GetUtcNow().AddDays(settings.DueSoonDays);
        var due = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<PrivacyRequest>().AsNoTracking()
            .Where(r => (r.Status == PrivacyRequestStatus.Received || r.Status == PrivacyRequestStatus.Verified || r.Status == PrivacyRequestStatus.InProgress)
                && r.DueAt <= horizon)
            .OrderBy(r => r.DueAt).Select(r => new { r.Id, r.ReceivedAt, r.DueAt, r.Type }).ToListAsync(cancellationToken);
        if (due.Count == 0) return 0;
        var lines = due.Select(r => $"{PrivacyRequest.ReferenceOf(r.Id, r.ReceivedAt)} ({r.Type}): due {r.DueAt:yyyy-MM-dd}");
        await scope.ServiceProvider.GetRequiredService<INoticeMail>().SendAsync(settings.OfficerEmail, $"{due.Count} privacy requests due soon or overdue",
            string.Join("\n", lines), cancellationToken);
        return due.Count;
    }
}
