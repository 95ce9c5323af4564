using ConnectingNer.Application.Common.Security;
using Mediator;

namespace ConnectingNer.Application.Accounts;

/// <summary>The signed-in person's own account; null for anonymous callers and partner clients.</summary>
public sealed record GetMeQuery : IQuery<AccountReadModel?>;

public sealed class GetMeQueryHandler(IAccountDirectory accounts, ICurrentUser user) : IQueryHandler<GetMeQuery, AccountReadModel?>
{
    public async ValueTask<AccountReadModel?> Handle(GetMeQuery query, CancellationToken cancellationToken) =>
        user.SubjectId is { } subject ? await accounts.FindAsync(subject, cancellationToken) : null;
}
