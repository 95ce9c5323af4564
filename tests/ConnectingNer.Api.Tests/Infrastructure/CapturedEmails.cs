using ConnectingNer.Infrastructure.Accounts;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using ConnectingNer.Infrastructure.Identity;

namespace ConnectingNer.Api.Tests.Infrastructure;

public sealed record CapturedEmail(string To, string Subject, string Body)
{
    /// <summary>The first link in the body, as a path and query on our server.</summary>
    public string Link()
    {
        var url = Regex.Match(Body, @"https://localhost(/\S+)").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(url), $"no link in: {Body}");
        return url;
    }
}

/// <summary>The test host's mailbox: email is captured instead of sent.</summary>
public sealed class CapturedEmails : IEmailSender
{
    private readonly ConcurrentQueue<CapturedEmail> _sent = new();

    public IReadOnlyList<CapturedEmail> Sent => [.. _sent];

    public Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken)
    {
        _sent.Enqueue(new CapturedEmail(to, subject, body));
        return Task.CompletedTask;
    }

    public void Clear() => _sent.Clear();

    public CapturedEmail Last(string to) =>
        Sent.LastOrDefault(e => e.To == to) ?? throw new Xunit.Sdk.XunitException($"no email to {to}");
}
