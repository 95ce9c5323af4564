using ConnectingNer.Application.Customers.ReadModels;
using ConnectingNer.Domain.Customers;

namespace ConnectingNer.Application.Customers;

/// <summary>
/// Customers' personal data, kept encrypted (Infrastructure). Reads decrypt; a customer whose data key was destroyed
/// reads as absent.
/// </summary>
public interface ICustomerStore
{
    Task<Customer?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Several customers in one round trip (a page of a staff list, the subjects of a request).</summary>
    Task<IReadOnlyDictionary<Guid, Customer>> FindManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>Stores a new customer under a new data key.</summary>
    Task AddAsync(Customer customer, CancellationToken cancellationToken);

    Task UpdateAsync(Customer customer, CancellationToken cancellationToken);

    /// <summary>Whether a customer with an account exists (every signed-in customer's request asks).</summary>
    Task<bool> ExistsAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>What staff lists may filter, sort and page on: nothing personal but the email's keyed hash.</summary>
    IQueryable<CustomerIndexRow> Index { get; }

    /// <summary>The keyed hash an email address is indexed under.</summary>
    string EmailIndex(string email);

    /// <summary>Locks the customer's row until the transaction ends: concurrent changes of one profile queue up.</summary>
    Task LockAsync(Guid id, CancellationToken cancellationToken);
}
