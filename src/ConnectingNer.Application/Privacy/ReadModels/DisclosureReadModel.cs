namespace ConnectingNer.Application.Privacy.ReadModels;

/// <summary>One recorded disclosure of a customer's personal data.</summary>
public sealed class DisclosureReadModel
{
    public int Id { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public string ActorSubject { get; set; } = "";

    public string? ClientId { get; set; }

    public List<string> ActorRoles { get; set; } = [];

    public List<string> ActorScopes { get; set; } = [];

    public string Purpose { get; set; } = "";

    public Guid SubjectId { get; set; }

    public List<string> Categories { get; set; } = [];

    public List<string> Fields { get; set; } = [];

    public bool Masked { get; set; }

    public string? OperationName { get; set; }

    public string DocumentHash { get; set; } = "";
}
