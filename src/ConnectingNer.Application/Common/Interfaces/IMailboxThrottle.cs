namespace ConnectingNer.Application.Common.Interfaces;

/// <summary>Caps the emails one address receives per hour, so nobody can flood someone's mailbox through our forms.</summary>
public interface IMailboxThrottle
{
    /// <summary>False when the address had its share this hour: send nothing (the answer to the form stays the same).</summary>
    bool TryAcquire(string email);
}
