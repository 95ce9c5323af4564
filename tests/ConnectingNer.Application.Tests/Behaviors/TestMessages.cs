using ConnectingNer.Application.Common.Idempotency;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Domain.Common;
using Mediator;

namespace ConnectingNer.Application.Tests.Behaviors;

public sealed record OpenCommand(string Name) : ICommand<Result<string>>;

[Authorize(Policies.CatalogWrite)]
public sealed record GuardedCommand : ICommand<Result<string>>;

[Authorize(Policies.CustomerLookup)]
[Authorize(Policies.PrivacyOfficer)]
public sealed record DoublyGuardedQuery : IQuery<string>;

public sealed record PlainQuery(string Name) : IQuery<string>;

public sealed record CreateThing(string Name, string? IdempotencyKey) : ICommand<Result<string>>, IIdempotentCommand;

/// <summary>The next step of a pipeline: counts its calls and answers what it is told to.</summary>
public sealed class Handler<TMessage, TResponse>(Func<TMessage, TResponse> answer) where TMessage : IMessage
{
    public int Calls { get; private set; }

    public ValueTask<TResponse> Next(TMessage message, CancellationToken cancellationToken)
    {
        Calls++;
        return ValueTask.FromResult(answer(message));
    }
}
