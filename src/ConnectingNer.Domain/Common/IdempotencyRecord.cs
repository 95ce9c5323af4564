namespace ConnectingNer.Domain.Common;

/// <summary>The answer given to a command sent with an idempotency key, replayed when the same command is retried.</summary>
public sealed class IdempotencyRecord
{
    private IdempotencyRecord() { }

    public IdempotencyRecord(string subject, string operation, string key, string requestHash, string response, DateTimeOffset createdAt)
    {
        Subject = subject;
        Operation = operation;
        Key = key;
        RequestHash = requestHash;
        Response = response;
        CreatedAt = createdAt;
    }

    public string Subject { get; private set; } = "";

    public string Operation { get; private set; } = "";

    public string Key { get; private set; } = "";

    public string RequestHash { get; private set; } = "";

    /// <summary>The response as JSON.</summary>
    public string Response { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
}
