using System.Security.Cryptography;
using ConnectingNer.Application.Consent;
using ConnectingNer.Application.PrivacyRequests;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.PrivacyRequests;
using ConnectingNer.Infrastructure.Identity;
using ConnectingNer.Infrastructure.Persistence;
using ConnectingNer.Infrastructure.Privacy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConnectingNer.Infrastructure.PrivacyRequests;

/// <summary>
/// Download links for exports: the export's id, signed and encrypted with ASP.NET Core Data Protection (keys shared by
/// every node), valid as long as the file (seven days). The link is the only credential, like any emailed link; the
/// file is opened with the customer's data key only when it is downloaded.
/// </summary>
internal sealed class DataExportService(AppDbContext db, PersonalDataCipher cipher, IDataProtectionProvider protection, DataExportJob job,
    DataExportWriter writer, INewsletterSubscribers subscribers, IOptions<IdentityServerOptions> options, TimeProvider clock) : IDataExports
{
    private readonly ITimeLimitedDataProtector _links = protection.CreateProtector("ConnectingNer.DataExport.Download.v1").ToTimeLimitedDataProtector();

    public void Wake() => job.Wake();

    public string DownloadUrl(Guid exportId) =>
        $"{options.Value.PublicOrigin.TrimEnd('/')}/privacy/exports/download?token={_links.Protect(exportId.ToString("N"), DataExport.Lifetime)}";

    public async Task<IReadOnlyList<DataExportReadModel>> MineAsync(Guid customerId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var exports = await db.Set<DataExport>().AsNoTracking().Where(e => e.CustomerId == customerId && e.ExpiresAt > now)
            .Join(db.Set<PrivacyRequest>(), e => e.RequestId, r => r.Id, (e, r) => new { e.Id, r.ReceivedAt, e.RequestId, e.CreatedAt, e.ExpiresAt, e.SizeInBytes })
            .OrderByDescending(e => e.CreatedAt).ToListAsync(cancellationToken);
        return [.. exports.Select(e => new DataExportReadModel(e.Id, PrivacyRequest.ReferenceOf(e.RequestId, e.ReceivedAt), e.CreatedAt, e.ExpiresAt,
            e.SizeInBytes, DownloadUrl(e.Id)))];
    }

    public async Task<DataExportFile> SubscriberFileAsync(Guid subscriberId, string reference, CancellationToken cancellationToken)
    {
        var email = (await subscribers.EmailsAsync([subscriberId], cancellationToken)).GetValueOrDefault(subscriberId) ?? "";
        return new DataExportFile($"connectingner-data-{reference}.json",
            await writer.WriteSubscriberAsync(subscriberId, email, reference, clock.GetUtcNow(), cancellationToken));
    }

    public async Task<Result<DataExportFile>> DownloadAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000) return DataExportErrors.LinkInvalid();
        string value;
        try
        {
            value = _links.Unprotect(token, out var expiration);
            if (expiration < clock.GetUtcNow()) return DataExportErrors.LinkExpired();
        }
        catch (CryptographicException e) when (e.Message.Contains("expired", StringComparison.OrdinalIgnoreCase))
        {
            return DataExportErrors.LinkExpired();
        }
        catch (CryptographicException)
        {
            return DataExportErrors.LinkInvalid();
        }

        if (!Guid.TryParseExact(value, "N", out var id)) return DataExportErrors.LinkInvalid();
        var export = await db.Set<DataExport>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        // Deleted at expiry, or with the customer: the link outlives nothing.
        if (export is null || export.ExpiresAt <= clock.GetUtcNow()) return DataExportErrors.LinkExpired();
        var key = await db.CustomerKeys.AsNoTracking().SingleOrDefaultAsync(k => k.CustomerId == export.CustomerId, cancellationToken);
        if (key is null) return DataExportErrors.LinkExpired();
        var json = PersonalDataCipher.Open(cipher.Unwrap(key.MasterKeyId, key.WrappedKey, key.CustomerId), export.CustomerId, export.Content);
        var reference = await db.Set<PrivacyRequest>().Where(r => r.Id == export.RequestId).Select(r => new { r.Id, r.ReceivedAt }).SingleAsync(cancellationToken);
        return Result.Success(new DataExportFile($"connectingner-data-{PrivacyRequest.ReferenceOf(reference.Id, reference.ReceivedAt)}.json", json));
    }
}
