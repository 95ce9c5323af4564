using ConnectingNer.Application.Common.Security;
using ConnectingNer.Domain.Common;
using Mediator;

namespace ConnectingNer.Application.Accounts;

/// <summary>Removes a social login from the caller's account, unless it is the only way left to sign in.</summary>
public sealed record UnlinkExternalLoginCommand(string Provider) : ICommand<Result<AccountReadModel>>;

public sealed class UnlinkExternalLoginCommandHandler(IAccountDirectory accounts, ICurrentUser user)
    : ICommandHandler<UnlinkExternalLoginCommand, Result<AccountReadModel>>
{
    public async ValueTask<Result<AccountReadModel>> Handle(UnlinkExternalLoginCommand command, CancellationToken cancellationToken)
    {
        if (user.SubjectId is not { } subject || await accounts.FindAsync(subject, cancellationToken) is null)
            return AccountErrors.NotSignedIn();
        var unlinked = await accounts.UnlinkExternalLoginAsync(subject, command.Provider, cancellationToken);
        if (!unlinked.IsSuccess) return Result<AccountReadModel>.FromErrors(unlinked.Errors);
        return Result.Success((await accounts.FindAsync(subject, cancellationToken))!);
    }
}
