using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Privacy;
using Microsoft.AspNetCore.Authorization;

namespace ConnectingNer.Api.Security;

/// <summary>
/// ASP.NET Core's policies (which the GraphQL fields' <c>Authorize</c> metadata names) built from the Application's
/// tables: each of <see cref="Policies"/>, and a <c>pii:&lt;category&gt;</c> policy per data category judged by
/// <see cref="Grants"/> against the field's subject.
/// </summary>
public static class AuthorizationPolicies
{
    public static IServiceCollection AddApiAuthorization(this IServiceCollection services)
    {
        services.AddScoped<IAuthorizationHandler, PersonalDataHandler>();
        services.AddScoped<IAuthorizationHandler, NamedPolicyHandler>();
        return services.AddAuthorization(options =>
        {
            foreach (var name in Policies.All)
                options.AddPolicy(name, policy => policy.AddRequirements(new NamedPolicyRequirement(name)));
            foreach (var category in DataCategories.All)
                options.AddPolicy(DataCategories.Policy(category), policy => policy.AddRequirements(new PersonalDataRequirement(category)));
        });
    }
}

/// <summary>One of <see cref="Policies"/>, judged by its rule in that table.</summary>
public sealed record NamedPolicyRequirement(string Name) : IAuthorizationRequirement;

/// <remarks>
/// Scoped: judges the request's caller, read from its claims once per request (<see cref="HttpContextCurrentUser"/>),
/// rather than reading the claims again for every guarded field.
/// </remarks>
public sealed class NamedPolicyHandler(ICurrentUser caller) : AuthorizationHandler<NamedPolicyRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, NamedPolicyRequirement requirement)
    {
        if (caller.Satisfies(requirement.Name)) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

/// <summary>The policy <c>pii:&lt;category&gt;</c>: met when the caller may see at least a masked value of the resource's subject.</summary>
public sealed record PersonalDataRequirement(string Category) : IAuthorizationRequirement;

/// <remarks>Scoped: judges the request's caller (the same principal the field's check passes) through the grant table.</remarks>
public sealed class PersonalDataHandler(IPersonalDataAccess access) : AuthorizationHandler<PersonalDataRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PersonalDataRequirement requirement)
    {
        // Without a subject to judge (a policy used where no customer is the resource) the answer is no.
        if (context.Resource is IPersonalDataSubject subject
            && access.For(requirement.Category, subject.SubjectId) != DataAccess.None)
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
