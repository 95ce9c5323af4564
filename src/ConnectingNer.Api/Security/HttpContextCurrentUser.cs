using ConnectingNer.Application.Common.Security;
using Microsoft.AspNetCore.Authorization;

namespace ConnectingNer.Api.Security;

/// <summary>The caller of the current HTTP request, judged by the host's authorization policies.</summary>
public sealed class HttpContextCurrentUser(IHttpContextAccessor accessor, IAuthorizationService authorization) : ICurrentUser
{
    public bool IsAuthenticated => accessor.HttpContext?.User.Identity?.IsAuthenticated == true;

    public string? SubjectId => accessor.HttpContext?.User.FindFirst("sub")?.Value;

    public async ValueTask<bool> SatisfiesAsync(string policy, CancellationToken cancellationToken)
    {
        var user = accessor.HttpContext?.User;
        return user is not null && IsAuthenticated && (await authorization.AuthorizeAsync(user, policy)).Succeeded;
    }
}
