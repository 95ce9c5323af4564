using ConnectingNer.Application.Privacy;
using ConnectingNer.Application.Customers.ReadModels;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Customers.Queries;

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
