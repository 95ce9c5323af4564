namespace ConnectingNer.Domain.Common;

/// <summary>Base of every entity: identity by key.</summary>
public abstract class Entity
{
    public int Id { get; protected set; }
}
