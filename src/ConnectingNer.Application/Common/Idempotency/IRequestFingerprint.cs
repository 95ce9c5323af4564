namespace ConnectingNer.Application.Common.Idempotency;

/// <summary>
/// Fingerprints an idempotent request with a keyed hash (HMAC), so the stored fingerprint of, say, a registration cannot
/// be confirmed by hashing a guessed email address.
/// </summary>
public interface IRequestFingerprint
{
    /// <summary>64 hexadecimal characters.</summary>
    string Of(ReadOnlySpan<byte> request);
}
