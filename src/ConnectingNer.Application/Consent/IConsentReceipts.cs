using ConnectingNer.Domain.Consent;

namespace ConnectingNer.Application.Consent;

/// <summary>One purpose's decision, as a receipt states it.</summary>
public sealed record ReceiptDecision(string Purpose, bool Granted);

/// <summary>
/// What a consent receipt proves: who (<see cref="SubjectType"/> <c>customer</c> or <c>device</c>, and the id), which
/// decisions, under which policy version, from where and when.
/// </summary>
public sealed record ConsentReceiptContent(
    string ReceiptId, string SubjectType, string Subject, IReadOnlyList<ReceiptDecision> Decisions, string PolicyVersion, ConsentSource Source,
    DateTimeOffset IssuedAt, string? ClientId);

/// <summary>The outcome of checking a receipt: its content when the signature is the server's, else why not.</summary>
public sealed record ReceiptCheck(bool Valid, ConsentReceiptContent? Content, string? Problem);

/// <summary>
/// Consent receipts: compact JWS signed with the server's published signing keys, so anyone holding the JWKS can
/// verify one offline.
/// </summary>
public interface IConsentReceipts
{
    string Sign(ConsentReceiptContent content);

    Task<ReceiptCheck> VerifyAsync(string receipt);
}
