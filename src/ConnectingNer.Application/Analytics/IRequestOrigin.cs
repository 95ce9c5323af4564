using System.Net;

namespace ConnectingNer.Application.Analytics;

/// <summary>Where the current request comes from, as far as events may note it (after <see cref="Domain.Analytics.Anonymisation"/>).</summary>
public interface IRequestOrigin
{
    IPAddress? Address { get; }

    string? UserAgent { get; }
}
