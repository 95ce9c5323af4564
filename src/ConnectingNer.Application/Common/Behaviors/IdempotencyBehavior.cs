using System.Text.Json;
using ConnectingNer.Application.Common.Idempotency;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Domain.Common;
using Mediator;

namespace ConnectingNer.Application.Common.Behaviors;

/// <summary>
/// For a command sent with an idempotency key: the first request runs and its successful answer is stored with
/// the key in the same transaction; a retry (same caller, command and key) gets that answer back and changes
/// nothing; the same key with a different request is refused. Two concurrent requests with one key: the database's
/// unique key lets one commit, and the other answers with the winner's response. The request is fingerprinted with a
/// keyed hash, and answers hold no personal data in clear (a registration's address is stored masked); records are
/// deleted after 24 hours.
/// </summary>
public sealed class IdempotencyBehavior<TMessage, TResponse>(IIdempotencyStore store, ICurrentUser user, TimeProvider clock, IRequestFingerprint fingerprint)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IIdempotentCommand, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message.IdempotencyKey is not { } key || !ResultCodec<TResponse>.IsSupported)
            return await next(message, cancellationToken);
        if (key.Length is 0 or > IdempotencyErrors.KeyMaxLength)
            return FailureFactory<TResponse>.Create([IdempotencyErrors.KeyInvalid()]);

        var subject = user.SubjectId ?? "anonymous";
        var operation = typeof(TMessage).Name;
        var hash = Hash(message);
        var replay = await ReplayAsync(subject, operation, key, hash, cancellationToken);
        if (replay.Found) return replay.Response!;

        await using var transaction = await store.BeginAsync(cancellationToken);
        try
        {
            var response = await next(message, cancellationToken);
            if (response is Result { IsSuccess: false })
            {
                // A concurrent request with this key may have won the race on the command's own unique data
                // (we waited for it): then its answer is this request's answer too.
                await transaction.RollbackAsync();
                var concurrent = await ReplayAsync(subject, operation, key, hash, cancellationToken);
                return concurrent.Found ? concurrent.Response! : response;
            }

            await transaction.StoreAsync(new IdempotencyRecord(subject, operation, key, hash,
                ResultCodec<TResponse>.Serialize(response), clock.GetUtcNow()), cancellationToken);
            await transaction.CommitAsync();
            return response;
        }
        catch (IdempotencyKeyTakenException)
        {
            // A concurrent request with this key committed first: answer as it did.
            await transaction.RollbackAsync();
            var winner = await ReplayAsync(subject, operation, key, hash, cancellationToken);
            if (!winner.Found) throw;
            return winner.Response!;
        }
    }

    private async Task<(bool Found, TResponse? Response)> ReplayAsync(
        string subject, string operation, string key, string hash, CancellationToken cancellationToken)
    {
        var record = await store.FindAsync(subject, operation, key, cancellationToken);
        if (record is null) return (false, default);
        return (true, record.RequestHash == hash
            ? ResultCodec<TResponse>.Deserialize(record.Response)
            : FailureFactory<TResponse>.Create([IdempotencyErrors.KeyReused()]));
    }

    private string Hash(TMessage message) => fingerprint.Of(JsonSerializer.SerializeToUtf8Bytes(message, typeof(TMessage)));
}
