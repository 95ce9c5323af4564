using System.Security.Claims;
using ConnectingNer.Application.Common.Security;
using Microsoft.AspNetCore.Authorization;

namespace ConnectingNer.Api.Security;

/// <summary>
/// Who may read which category of someone's personal data: the subject everything of their own; staff by role
/// (support: names, addresses and logins, contact details masked, never birth dates; privacy officer: everything;
/// admin and catalog manager: nothing); partners nothing yet; anonymous callers nothing.
/// </summary>
public sealed class PersonalDataAccess(IHttpContextAccessor accessor) : IPersonalDataAccess
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, DataAccess>> StaffGrants =
        new Dictionary<string, IReadOnlyDictionary<string, DataAccess>>
        {
            ["privacy_officer"] = DataCategories.All.ToDictionary(c => c, _ => DataAccess.Full),
            // Support recognises a caller by name and masked contact details and ships to their address; the full email
            // and phone stay with the customer (and the privacy officer).
            ["support"] = new Dictionary<string, DataAccess>
            {
                [DataCategories.IdentityName] = DataAccess.Full, [DataCategories.ContactEmail] = DataAccess.Masked,
                [DataCategories.ContactPhone] = DataAccess.Masked, [DataCategories.AddressPostal] = DataAccess.Full,
                [DataCategories.AccountLogins] = DataAccess.Full,
            },
        };

    private ClaimsPrincipal User => accessor.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());

    // Reads the principal itself: ICurrentUser needs IAuthorizationService, whose handlers include PersonalDataHandler,
    // which needs this class (a dependency cycle).
    public bool IsSubject(Guid subjectId) =>
        User.Identity?.IsAuthenticated == true && User.FindFirst("sub")?.Value is { } sub
        && Guid.TryParse(sub, out var id) && id == subjectId;

    public DataAccess For(string category, Guid subjectId)
    {
        if (IsSubject(subjectId)) return DataAccess.Full;
        if (User.Identity?.IsAuthenticated != true) return DataAccess.None;
        var best = DataAccess.None;
        foreach (var (role, grants) in StaffGrants)
        {
            if (User.IsInRole(role) && grants.TryGetValue(category, out var access) && access > best) best = access;
        }

        return best;
    }
}

/// <summary>The policy <c>pii:&lt;category&gt;</c>: met when the caller may see at least a masked value of the resource's subject.</summary>
public sealed record PersonalDataRequirement(string Category) : IAuthorizationRequirement;

public sealed class PersonalDataHandler(IPersonalDataAccess access) : AuthorizationHandler<PersonalDataRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PersonalDataRequirement requirement)
    {
        // Without a subject to judge (a policy used where no customer is the resource) the answer is no.
        if (context.Resource is IPersonalDataSubject subject && access.For(requirement.Category, subject.SubjectId) != DataAccess.None)
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
