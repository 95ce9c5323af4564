using ConnectingNer.Application.Consent.ReadModels;
using Mediator;

namespace ConnectingNer.Application.Consent.Queries;

/// <summary>Checks a consent receipt's signature against the server's signing keys and reads what it states.</summary>
public sealed record VerifyConsentReceiptQuery(string Receipt) : IQuery<ReceiptVerificationReadModel>;

public sealed class VerifyConsentReceiptQueryHandler(IConsentReceipts receipts) : IQueryHandler<VerifyConsentReceiptQuery, ReceiptVerificationReadModel>
{
    public async ValueTask<ReceiptVerificationReadModel> Handle(VerifyConsentReceiptQuery query, CancellationToken cancellationToken)
    {
        var check = await receipts.VerifyAsync(query.Receipt ?? "");
        return new ReceiptVerificationReadModel(check.Valid, check.Problem, check.Content);
    }
}
