using ConnectingNer.Domain.Common;

namespace ConnectingNer.Domain.Catalog;

/// <summary>A shelf of the shop: products belong to exactly one category.</summary>
public sealed class Category : Entity
{
    private Category() { }

    public Category(string name, string slug, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(slug);
        Name = name.Trim();
        Slug = slug.Trim().ToLowerInvariant();
        Description = description.Trim();
    }

    public string Name { get; private set; } = "";

    public string Slug { get; private set; } = "";

    public string Description { get; private set; } = "";
}
