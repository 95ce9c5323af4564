using System.Net;
using ConnectingNer.Application.Analytics;
using Microsoft.AspNetCore.Http;

namespace ConnectingNer.Infrastructure.Analytics;

/// <summary>The current HTTP request's client address (as the forwarded-headers settings establish it) and user agent.</summary>
internal sealed class HttpRequestOrigin(IHttpContextAccessor accessor) : IRequestOrigin
{
    public IPAddress? Address => accessor.HttpContext?.Connection.RemoteIpAddress;

    public string? UserAgent => accessor.HttpContext?.Request.Headers.UserAgent.ToString();
}
