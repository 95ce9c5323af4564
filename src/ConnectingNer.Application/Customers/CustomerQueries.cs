using ConnectingNer.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Customers;

/// <summary>
/// The staff list of customers (authorization is on the field); an email narrows it to that address's keyed hash.
/// Looking a customer up by their email is itself a disclosure (it confirms the address is theirs, whatever fields the
/// caller then selects), so it is recorded for the customer it finds.
/// </summary>
public sealed record ListCustomersQuery(string? Email) : IQuery<IQueryable<CustomerIndexRow>>;

public sealed class ListCustomersQueryHandler(ICustomerStore customers, IDisclosureLedger ledger)
    : IQueryHandler<ListCustomersQuery, IQueryable<CustomerIndexRow>>
{
    public const string LookedUpByEmail = "looked up by email";

    public async ValueTask<IQueryable<CustomerIndexRow>> Handle(ListCustomersQuery query, CancellationToken cancellationToken)
    {
        var rows = customers.Index;
        if (query.Email is { } email)
        {
            var index = customers.EmailIndex(email);
            rows = rows.Where(r => r.EmailIndex == index);
            foreach (var subject in await rows.Select(r => r.SubjectId).ToListAsync(cancellationToken))
                ledger.Record(subject, DataCategories.ContactEmail, LookedUpByEmail, masked: false);
        }

        return rows;
    }
}

/// <summary>Customers' list rows by id (for <c>customer(id:)</c> and <c>node</c>), in one query.</summary>
public sealed record FindCustomerRowsQuery(IReadOnlyCollection<Guid> Ids) : IQuery<IReadOnlyDictionary<Guid, CustomerIndexRow>>;

public sealed class FindCustomerRowsQueryHandler(ICustomerStore customers) : IQueryHandler<FindCustomerRowsQuery, IReadOnlyDictionary<Guid, CustomerIndexRow>>
{
    public async ValueTask<IReadOnlyDictionary<Guid, CustomerIndexRow>> Handle(FindCustomerRowsQuery query, CancellationToken cancellationToken) =>
        query.Ids.Count == 0
            ? new Dictionary<Guid, CustomerIndexRow>()
            : await customers.Index.Where(r => query.Ids.Contains(r.SubjectId)).ToDictionaryAsync(r => r.SubjectId, cancellationToken);
}
