namespace ConnectingNer.Domain.Common;

/// <summary>An expected failure: a stable dotted code, a message for people, and the input field it concerns.</summary>
public sealed record Error(string Code, string Message, string? Field = null);
