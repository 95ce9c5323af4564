using ConnectingNer.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ConnectingNer.Infrastructure.Privacy;

/// <summary>
/// Re-wraps every data key not yet under the current master key. The profiles are not touched (their data keys do
/// not change), so rotation is quick and safe to repeat; afterwards the old master key can be removed from configuration.
/// </summary>
public sealed class MasterKeyRotation(AppDbContext db, PersonalDataCipher cipher, TimeProvider clock, ILogger<MasterKeyRotation> logger)
{
    public async Task<int> RewrapAsync(CancellationToken cancellationToken, int batchSize = 500)
    {
        var total = 0;
        while (true)
        {
            var batch = await db.CustomerKeys.Where(k => k.MasterKeyId != cipher.CurrentMasterKeyId)
                .OrderBy(k => k.CustomerId).Take(batchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0) break;
            var now = clock.GetUtcNow();
            foreach (var key in batch)
            {
                key.WrappedKey = cipher.Rewrap(key.MasterKeyId, key.WrappedKey, key.CustomerId);
                key.MasterKeyId = cipher.CurrentMasterKeyId;
                key.RewrappedAt = now;
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            total += batch.Count;
        }

        logger.LogInformation("Re-wrapped {Count} customer data keys under master key {MasterKeyId}", total, cipher.CurrentMasterKeyId);
        return total;
    }
}
