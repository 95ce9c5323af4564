using ConnectingNer.Domain.Common;

namespace ConnectingNer.Application.Common.Idempotency;

public static class IdempotencyErrors
{
    public const int KeyMaxLength = 100;

    public static Error KeyReused(string field = "idempotencyKey") =>
        new("idempotency.key_reused", "This idempotency key was used for a different request.", field);

    public static Error KeyInvalid(string field = "idempotencyKey") =>
        new("idempotency.key_invalid", $"An idempotency key is 1 to {KeyMaxLength} characters.", field);
}
