using System.Security.Cryptography;
using ConnectingNer.Application.Privacy;
using ConnectingNer.Application.PrivacyRequests;
using ConnectingNer.Domain.PrivacyRequests;
using ConnectingNer.Infrastructure.Persistence;
using ConnectingNer.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ConnectingNer.Infrastructure.PrivacyRequests;

/// <summary>
/// Writes the exports of verified access requests (the customer's own, or a nominee's once the officer verified it): woken when one comes in, and every
/// <c>PrivacyRequests:ExportPollInterval</c> (default 30 seconds) in case a wake was lost or came to another node. Each
/// request is claimed with <c>FOR UPDATE SKIP LOCKED</c>, so many nodes never write the same export twice. The file is
/// sealed with the customer's data key; the request is completed and the customer emailed a link, in one transaction.
/// </summary>
public sealed class DataExportJob(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<DataExportJob> logger)
    : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public TimeSpan PollInterval => configuration.GetValue("PrivacyRequests:ExportPollInterval", TimeSpan.FromSeconds(30));

    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken.
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: the host waits for this method's first await before it serves.
        await Task.Yield();
        var woken = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A wake comes from inside the requester's transaction: the request may not be committed (or may still be
                // locked) yet, so after a wake the job looks again a few times, shortly, before it waits for the next poll.
                var retries = woken ? 4 : 0;
                for (var delay = TimeSpan.FromMilliseconds(100); ; delay *= 2)
                {
                    var wrote = false;
                    while (await RunOnceAsync(stoppingToken) is not null) wrote = true;
                    if (wrote || retries-- <= 0) break;
                    await Task.Delay(delay, clock, stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Writing a data export failed; it is tried again at the next poll");
            }

            woken = await _wake.WaitAsync(PollInterval, stoppingToken);
        }
    }

    /// <summary>Writes the export of one waiting request; returns its id, or null when none waits.</summary>
    public async Task<int?> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var waiting = await db.Database.SqlQuery<int>($"""
            SELECT id AS "Value" FROM privacy_requests
            WHERE type = 'Access' AND status = 'Verified'
            ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        if (waiting is not [var id]) return null;

        var started = clock.GetUtcNow();
        var request = await db.Set<PrivacyRequest>().Include(r => r.Steps).SingleAsync(r => r.Id == id, cancellationToken);
        request.Start(started);
        var reference = PrivacyRequest.ReferenceOf(request.Id, request.ReceivedAt);
        var key = await db.CustomerKeys.AsNoTracking().SingleOrDefaultAsync(k => k.CustomerId == request.CustomerId, cancellationToken);
        if (key is null)
        {
            request.RejectBySystem("There is no account with data to export.", clock.GetUtcNow());
        }
        else
        {
            var json = await services.GetRequiredService<DataExportWriter>().WriteAsync(request.CustomerId, reference, started, cancellationToken);
            var now = clock.GetUtcNow();
            var dataKey = services.GetRequiredService<PersonalDataCipher>().Unwrap(key.MasterKeyId, key.WrappedKey, key.CustomerId);
            var export = new DataExport(Guid.NewGuid(), request.Id, request.CustomerId, now, json.Length,
                PersonalDataCipher.Seal(dataKey, request.CustomerId, json));
            CryptographicOperations.ZeroMemory(json);
            db.Set<DataExport>().Add(export);
            if (request.OpenedByNominee is { } nominee)
            {
                // The file goes to someone other than the person: a disclosure like any other, on the ledger.
                db.AuditEvents.Add(new AuditEvent
                {
                    OccurredAt = now, ActorSubject = nominee.ToString(), Purpose = "nominee_access", SubjectId = request.CustomerId,
                    Categories = [DataCategories.AccountLogins, DataCategories.AddressPostal, DataCategories.Consent, DataCategories.ContactEmail,
                        DataCategories.ContactPhone, DataCategories.IdentityBirthDate, DataCategories.IdentityName],
                    Fields = ["dataExport"], OperationName = "dataExport", DocumentHash = "",
                });
            }

            request.CompleteBySystem($"Your data export is ready: download it from the link we emailed you (or under your data exports) before "
                + $"{export.ExpiresAt:d MMMM yyyy}. After that the file is deleted.", now);
            await db.SaveChangesAsync(cancellationToken);
            var links = services.GetRequiredService<DataExportService>();
            await services.GetRequiredService<PrivacyRequestNotices>().ExportReadyAsync(request, links.DownloadUrl(export.Id), export.ExpiresAt,
                cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken); // the rejection's step (a completion was saved above)
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Data export for {Reference} written in {Elapsed} ms", reference, (clock.GetUtcNow() - started).TotalMilliseconds);
        return id;
    }
}
