using ConnectingNer.Application.Common.Security;
using ConnectingNer.Domain.Common;
using Mediator;

namespace ConnectingNer.Application.Accounts.Commands;

/// <summary>Removes a social login from the caller's account, unless it is the only way left to sign in; answers the customer's id.</summary>
public sealed record UnlinkExternalLoginCommand(string Provider) : ICommand<Result<Guid>>;

public sealed class UnlinkExternalLoginCommandHandler(IAccountDirectory accounts, ICurrentUser user)
    : ICommandHandler<UnlinkExternalLoginCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(UnlinkExternalLoginCommand command, CancellationToken cancellationToken)
    {
        if (!user.TryGetPersonId(out var id)) return AccountErrors.NotSignedIn();
        var unlinked = await accounts.UnlinkExternalLoginAsync(id, command.Provider, cancellationToken);
        return unlinked.IsSuccess ? Result.Success(id) : Result<Guid>.FromErrors(unlinked.Errors);
    }
}
