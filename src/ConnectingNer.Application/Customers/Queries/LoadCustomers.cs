using ConnectingNer.Application.Customers.ReadModels;
using Mediator;

namespace ConnectingNer.Application.Customers.Queries;

/// <summary>Customers by id, decrypted, for the API's loaders (authorization happens per field).</summary>
public sealed record LoadCustomersQuery(IReadOnlyCollection<Guid> Ids) : IQuery<IReadOnlyDictionary<Guid, CustomerReadModel>>;

public sealed class LoadCustomersQueryHandler(ICustomerReader reader) : IQueryHandler<LoadCustomersQuery, IReadOnlyDictionary<Guid, CustomerReadModel>>
{
    public async ValueTask<IReadOnlyDictionary<Guid, CustomerReadModel>> Handle(LoadCustomersQuery query, CancellationToken cancellationToken) =>
        await reader.LoadAsync(query.Ids, cancellationToken);
}
