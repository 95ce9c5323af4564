namespace ConnectingNer.Application.Common.Idempotency;

/// <summary>A command that creates something: sent again with the same key, it answers as the first time and creates nothing.</summary>
public interface IIdempotentCommand
{
    string? IdempotencyKey { get; }
}
