using ConnectingNer.Application.Common.Security;
using Microsoft.AspNetCore.Authorization;

namespace ConnectingNer.Api.Security;

public static class AuthorizationPolicies
{
    /// <summary>A scope-or-role policy for each name in <see cref="Policies"/>: a partner token needs the scope, staff the role.</summary>
    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Policies.CatalogWrite, policy => policy
            .RequireAuthenticatedUser()
            .RequireAssertion(context => HasScope(context.User, Policies.CatalogWrite)
                || context.User.IsInRole("catalog_manager") || context.User.IsInRole("admin")));
        foreach (var category in DataCategories.All)
            options.AddPolicy(DataCategories.Policy(category), policy => policy.AddRequirements(new PersonalDataRequirement(category)));
        options.AddPolicy(Policies.CustomerLookup, policy => policy.RequireAuthenticatedUser().RequireRole("support", "privacy_officer"));
        options.AddPolicy(Policies.PrivacyOfficer, policy => policy.RequireAuthenticatedUser().RequireRole("privacy_officer"));
    }

    /// <summary>Scopes as OpenIddict validation exposes them (one <c>oi_scp</c> claim each) or as a space-separated <c>scope</c>.</summary>
    private static bool HasScope(System.Security.Claims.ClaimsPrincipal user, string scope) =>
        user.FindAll("oi_scp").Any(c => c.Value == scope)
        || user.FindAll("scope").Any(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope));
}
