using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Consent;
using Mediator;

namespace ConnectingNer.Application.Consent.Commands;

/// <summary>
/// The one-click unsubscribe link of a newsletter email (RFC 8058), without signing in: records the withdrawal of email
/// marketing (source <c>EMAIL_LINK</c>) for the one subject the signed link names. Following it again changes nothing.
/// </summary>
public sealed record UnsubscribeCommand(string Token) : ICommand<Result>;

public sealed class UnsubscribeCommandHandler(IConsentLinks links, ConsentReader reader, ConsentWriter writer) : ICommandHandler<UnsubscribeCommand, Result>
{
    public async ValueTask<Result> Handle(UnsubscribeCommand command, CancellationToken cancellationToken)
    {
        if (!links.TryReadUnsubscribe(command.Token, out var subject)) return ConsentErrors.LinkInvalid("token");
        var state = await reader.ForAsync(subject, cancellationToken);
        if (state.For(ConsentPurpose.MarketingEmail) is { Granted: false, RecordedAt: not null }) return Result.Success();
        var terms = await reader.TermsAsync(cancellationToken);
        var recorded = await writer.RecordAsync(subject, [new ConsentChoice(ConsentPurpose.MarketingEmail, false)], terms.CurrentVersion,
            ConsentSource.EmailLink, cancellationToken);
        return recorded.IsSuccess ? Result.Success() : Result.Failure([.. recorded.Errors]);
    }
}
