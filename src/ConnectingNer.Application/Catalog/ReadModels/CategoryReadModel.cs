namespace ConnectingNer.Application.Catalog.ReadModels;

/// <summary>What clients may read of a category.</summary>
public sealed record CategoryReadModel
{
    public int Id { get; init; }

    public string Name { get; init; } = "";

    public string Slug { get; init; } = "";

    public string Description { get; init; } = "";
}
