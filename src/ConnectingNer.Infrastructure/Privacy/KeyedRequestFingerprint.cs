using ConnectingNer.Application.Common.Idempotency;

namespace ConnectingNer.Infrastructure.Privacy;

public sealed class KeyedRequestFingerprint(PersonalDataCipher cipher) : IRequestFingerprint
{
    public string Of(ReadOnlySpan<byte> request) => cipher.Fingerprint(request);
}
