using System.Text.Json;
using ConnectingNer.Application.Ordering;
using ConnectingNer.Application.Ordering.ReadModels;
using ConnectingNer.Infrastructure.Persistence;
using ConnectingNer.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Infrastructure.Ordering;

/// <summary>Seals addresses with the customer's data key (see <see cref="PersonalDataCipher"/>).</summary>
public sealed class OrderAddressVault(AppDbContext db, PersonalDataCipher cipher, CustomerKeyRing ring) : IOrderAddressVault
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<byte[]> SealAsync(Guid customerId, PostalAddress address, CancellationToken cancellationToken)
    {
        if (!ring.TryGet(customerId, out var dataKey))
        {
            var key = await db.CustomerKeys.AsNoTracking().SingleAsync(k => k.CustomerId == customerId, cancellationToken);
            ring.Remember(customerId, dataKey = cipher.Unwrap(key.MasterKeyId, key.WrappedKey, customerId));
        }

        return PersonalDataCipher.Seal(dataKey, customerId, JsonSerializer.SerializeToUtf8Bytes(address, Json));
    }

    public async Task<IReadOnlyDictionary<TKey, PostalAddress>> OpenAsync<TKey>(
        IReadOnlyCollection<(TKey Key, Guid CustomerId, byte[] Sealed)> items, CancellationToken cancellationToken) where TKey : notnull
    {
        var customers = items.Select(i => i.CustomerId).Distinct().ToArray();
        var keys = await db.CustomerKeys.AsNoTracking().Where(k => customers.Contains(k.CustomerId))
            .ToDictionaryAsync(k => k.CustomerId, cancellationToken);
        var opened = new Dictionary<TKey, PostalAddress>();
        foreach (var (itemKey, customerId, sealedData) in items)
        {
            if (!keys.TryGetValue(customerId, out var key)) continue; // erased: the key is gone, and with it the address
            var dataKey = cipher.Unwrap(key.MasterKeyId, key.WrappedKey, customerId);
            opened[itemKey] = JsonSerializer.Deserialize<PostalAddress>(PersonalDataCipher.Open(dataKey, customerId, sealedData), Json)!;
        }

        return opened;
    }
}
