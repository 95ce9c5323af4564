namespace ConnectingNer.Application.Accounts;

/// <summary>The per-client-address limit on attempts at accounts (sign-in, registration, password reset), however they arrive.</summary>
public interface IAccountAttemptLimit
{
    /// <summary>Takes one attempt; false when the caller's address has used up its window.</summary>
    bool TryAttempt();
}
