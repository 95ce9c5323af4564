namespace ConnectingNer.Infrastructure.Privacy;

/// <summary>
/// One disclosure: personal data of <see cref="SubjectId"/> shown to someone else in one request. Append-only: a
/// trigger refuses updates, deletes and truncation. Holds no personal data itself, only ids and field names.
/// </summary>
public sealed class AuditEvent
{
    public int Id { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>The token's subject (a staff account's id, or a partner's client id).</summary>
    public string ActorSubject { get; set; } = "";

    public string? ClientId { get; set; }

    public List<string> ActorRoles { get; set; } = [];

    public List<string> ActorScopes { get; set; } = [];

    public string Purpose { get; set; } = "";

    public Guid SubjectId { get; set; }

    public List<string> Categories { get; set; } = [];

    public List<string> Fields { get; set; } = [];

    /// <summary>True when every value shown was masked.</summary>
    public bool Masked { get; set; }

    public string? OperationName { get; set; }

    /// <summary>SHA-256 of the GraphQL document, to find what exactly was asked.</summary>
    public string DocumentHash { get; set; } = "";
}
