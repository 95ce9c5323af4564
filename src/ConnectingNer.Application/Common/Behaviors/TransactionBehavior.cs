using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Domain.Common;
using Mediator;

namespace ConnectingNer.Application.Common.Behaviors;

/// <summary>
/// Innermost behavior for commands: the handler runs in one database transaction, committed only when
/// it succeeds, so a command either commits whole or leaves nothing behind.
/// </summary>
public sealed class TransactionBehavior<TMessage, TResponse>(IApplicationDbContext db)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null) return await next(message, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var response = await next(message, cancellationToken);
        if (response is Result { IsSuccess: false })
            await transaction.RollbackAsync(CancellationToken.None);
        else
            await transaction.CommitAsync(CancellationToken.None);
        return response;
    }
}
