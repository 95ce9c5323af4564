using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Privacy;
using ConnectingNer.Application.Customers.ReadModels;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Customers.Queries;

/// <summary>
/// Customers' list rows by id (for <c>customer(id:)</c> and <c>node</c>), in one query, of those the caller may reach:
/// a customer reaches only themselves, staff who look customers up reach anyone; the others read as not found.
/// </summary>
public sealed record FindCustomerRowsQuery(IReadOnlyCollection<Guid> Ids) : IQuery<IReadOnlyDictionary<Guid, CustomerIndexRow>>;

public sealed class FindCustomerRowsQueryHandler(ICustomerStore customers, ICurrentUser user) : IQueryHandler<FindCustomerRowsQuery, IReadOnlyDictionary<Guid, CustomerIndexRow>>
{
    public async ValueTask<IReadOnlyDictionary<Guid, CustomerIndexRow>> Handle(FindCustomerRowsQuery query, CancellationToken cancellationToken) =>
        Reachable(query.Ids) is { Count: > 0 } ids
            ? await customers.Index.Where(r => ids.Contains(r.SubjectId)).ToDictionaryAsync(r => r.SubjectId, cancellationToken)
            : new Dictionary<Guid, CustomerIndexRow>();

    private List<Guid> Reachable(IReadOnlyCollection<Guid> ids) =>
        user.Satisfies(Policies.CustomerLookup) ? [.. ids] : [.. ids.Where(id => Grants.IsSubject(user, id))];
}
