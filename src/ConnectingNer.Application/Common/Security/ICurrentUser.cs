namespace ConnectingNer.Application.Common.Security;

/// <summary>Who is calling, as far as the use cases need to know.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    string? SubjectId { get; }

    /// <summary>True when the caller satisfies the named policy (see <see cref="Policies"/>).</summary>
    ValueTask<bool> SatisfiesAsync(string policy, CancellationToken cancellationToken);
}
