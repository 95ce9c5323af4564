using System.Linq.Expressions;
using ConnectingNer.Domain.Catalog;

namespace ConnectingNer.Application.Catalog.ReadModels;

/// <summary>What clients may read of a category.</summary>
public sealed record CategoryReadModel
{
    public int Id { get; init; }

    public string Name { get; init; } = "";

    public string Slug { get; init; } = "";

    public string Description { get; init; } = "";

    public static readonly Expression<Func<Category, CategoryReadModel>> FromEntity = c => new CategoryReadModel
    {
        Id = c.Id,
        Name = c.Name,
        Slug = c.Slug,
        Description = c.Description,
    };
}
