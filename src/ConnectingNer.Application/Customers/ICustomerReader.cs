using ConnectingNer.Application.Customers.ReadModels;

namespace ConnectingNer.Application.Customers;

/// <summary>Loads customers for the API: account facts and the decrypted profile, for many at once.</summary>
public interface ICustomerReader
{
    Task<IReadOnlyDictionary<Guid, CustomerReadModel>> LoadAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);
}
