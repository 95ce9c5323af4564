namespace ConnectingNer.Application.Common.Exceptions;

/// <summary>The database refused a write because a unique index already holds the value.</summary>
public sealed class UniqueConstraintException(string constraintName, Exception inner)
    : Exception($"Unique constraint '{constraintName}' was violated.", inner)
{
    public string ConstraintName { get; } = constraintName;
}
