using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Consent.ReadModels;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Consent;
using Mediator;

namespace ConnectingNer.Application.Consent.Commands;

/// <summary>
/// The signed-in customer grants or withdraws purposes, under the current policy version: one call, the same shape for
/// both. Answers with their consent now and a signed receipt.
/// </summary>
public sealed record SetMyConsentsCommand(IReadOnlyList<ConsentChoice> Decisions, ConsentSource Source) : ICommand<Result<ConsentReceiptReadModel>>;

public sealed class SetMyConsentsCommandHandler(ConsentWriter writer, ConsentReader reader, ICurrentUser user)
    : ICommandHandler<SetMyConsentsCommand, Result<ConsentReceiptReadModel>>
{
    public async ValueTask<Result<ConsentReceiptReadModel>> Handle(SetMyConsentsCommand command, CancellationToken cancellationToken)
    {
        if (user.PartnerId is not null || !user.TryGetPersonId(out var me)) return ConsentErrors.NotSignedInCustomer();
        var terms = await reader.TermsAsync(cancellationToken);
        return await writer.RecordAsync(ConsentSubject.Customer(me), command.Decisions, terms.CurrentVersion, command.Source, cancellationToken);
    }
}
