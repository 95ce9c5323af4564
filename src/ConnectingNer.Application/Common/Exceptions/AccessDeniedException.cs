namespace ConnectingNer.Application.Common.Exceptions;

/// <summary>The caller may not run this use case. <see cref="IsAuthenticated"/> tells 401 from 403.</summary>
public sealed class AccessDeniedException(string policy, bool isAuthenticated)
    : Exception(isAuthenticated
        ? $"The current user is not authorized for '{policy}'."
        : "The current user is not authenticated.")
{
    public string Policy { get; } = policy;

    public bool IsAuthenticated { get; } = isAuthenticated;
}
