using ConnectingNer.Application.Ordering.ReadModels;

namespace ConnectingNer.Application.Ordering;

/// <summary>
/// Order and shipment addresses are personal data: sealed with the customer's own data key like their profile, so
/// destroying that key (erasure) makes them unreadable too.
/// </summary>
public interface IOrderAddressVault
{
    Task<byte[]> SealAsync(Guid customerId, PostalAddress address, CancellationToken cancellationToken);

    /// <summary>Opens sealed addresses of several customers in one round trip; an address whose key is gone is absent.</summary>
    Task<IReadOnlyDictionary<TKey, PostalAddress>> OpenAsync<TKey>(
        IReadOnlyCollection<(TKey Key, Guid CustomerId, byte[] Sealed)> items, CancellationToken cancellationToken) where TKey : notnull;
}
