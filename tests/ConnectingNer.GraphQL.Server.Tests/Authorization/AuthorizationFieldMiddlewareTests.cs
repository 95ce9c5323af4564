using System.Security.Claims;
using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.GraphQL.Server.Tests.Authorization;

/// <summary>The @authorize-style field middleware: resource-based policies, null plus a coded error with the path, fail closed.</summary>
public sealed class AuthorizationFieldMiddlewareTests
{
    public sealed record Owned(string Owner, string Secret);

    private sealed class OwnerRequirement : IAuthorizationRequirement;

    private sealed class OwnerHandler : AuthorizationHandler<OwnerRequirement, Owned>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OwnerRequirement requirement, Owned resource)
        {
            if (context.User.FindFirst("sub")?.Value == resource.Owner) context.Succeed(requirement);
            return Task.CompletedTask;
        }
    }

    private sealed class OwnedType : ObjectGraphType<Owned>
    {
        public OwnedType()
        {
            Name = "Owned";
            Field(o => o.Owner);
            Field<StringGraphType>("secret").AuthorizeWithPolicy("owner").Resolve(ctx => ctx.Source.Secret);
            Field<StringGraphType>("typo").AuthorizeWithPolicy("no-such-policy").Resolve(_ => "leaked");
        }
    }

    private sealed class TestSchema : Schema
    {
        public TestSchema(IServiceProvider services) : base(services)
        {
            var query = new ObjectGraphType { Name = "Query" };
            query.Field<ListGraphType<OwnedType>>("items").Resolve(_ => new[] { new Owned("ann", "ann's"), new Owned("bob", "bob's") });
            Query = query;
        }
    }

    private static async Task<JsonElement> ExecuteAsync(string query, string? user)
    {
        await using var provider = new ServiceCollection().AddLogging()
            .AddAuthorization(options => options.AddPolicy("owner", p => p.AddRequirements(new OwnerRequirement())))
            .AddSingleton<IAuthorizationHandler, OwnerHandler>()
            .AddTransient<OwnedType>()
            .AddGraphQLServer<TestSchema>(new ConfigurationBuilder().Build())
            .BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var principal = user is null ? new ClaimsPrincipal(new ClaimsIdentity()) : new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", user)], "test"));
        var result = await scope.ServiceProvider.GetRequiredService<IDocumentExecuter<TestSchema>>().ExecuteAsync(new ExecutionOptions
        {
            Query = query, RequestServices = scope.ServiceProvider, User = principal,
        });
        var json = new global::GraphQL.SystemTextJson.GraphQLSerializer().Serialize(result);
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    private static List<string> Errors(JsonElement result) => result.TryGetProperty("errors", out var errors)
        ? [.. errors.EnumerateArray().Select(e => $"{e.GetProperty("extensions").GetProperty("code").GetString()} {string.Join("/", e.GetProperty("path").EnumerateArray().Select(p => p.ToString()))}")]
        : [];

    [Fact]
    public async Task ResourcePolicy_IsJudgedAgainstEachParent_AndADeniedFieldIsNullWithItsPath()
    {
        var result = await ExecuteAsync("{ items { owner secret } }", "ann");

        var items = result.GetProperty("data").GetProperty("items");
        Assert.Equal("ann's", items[0].GetProperty("secret").GetString());
        Assert.Equal(JsonValueKind.Null, items[1].GetProperty("secret").ValueKind);
        Assert.Equal("bob", items[1].GetProperty("owner").GetString());
        Assert.Equal(["AUTH_NOT_AUTHORIZED items/1/secret"], Errors(result));
    }

    [Fact]
    public async Task UnknownPolicy_Denies_InsteadOfFailingOpenOrCrashing()
    {
        var result = await ExecuteAsync("{ items { typo } }", "ann");

        var items = result.GetProperty("data").GetProperty("items");
        Assert.All(items.EnumerateArray(), item => Assert.Equal(JsonValueKind.Null, item.GetProperty("typo").ValueKind));
        Assert.Equal(["AUTH_NOT_AUTHORIZED items/0/typo", "AUTH_NOT_AUTHORIZED items/1/typo"], Errors(result));
    }

    [Fact]
    public async Task Anonymous_IsNotAuthenticated()
    {
        var result = await ExecuteAsync("{ items { secret } }", null);

        Assert.Equal(["AUTH_NOT_AUTHENTICATED items/0/secret", "AUTH_NOT_AUTHENTICATED items/1/secret"], Errors(result));
    }

    [Fact]
    public async Task OnlyFieldsThatRequireAuthorization_AreWrapped_AndEveryOneOfThemIs()
    {
        await using var provider = new ServiceCollection().AddLogging().AddAuthorization()
            .AddTransient<OwnedType>()
            .AddGraphQLServer<TestSchema>(new ConfigurationBuilder().Build())
            .BuildServiceProvider();
        var schema = provider.GetRequiredService<TestSchema>();
        schema.Initialize();
        var owned = (IObjectGraphType)schema.AllTypes["Owned"]!;

        // A plain field keeps its own resolver; each field with a policy resolves through the middleware.
        Assert.Equal("ExpressionFieldResolver`2", owned.GetField("owner")!.Resolver!.GetType().Name);
        Assert.All(new[] { "secret", "typo" }, name => Assert.Equal("FuncFieldResolver`1", owned.GetField(name)!.Resolver!.GetType().Name));
        var wrapped = schema.AllTypes.OfType<IObjectGraphType>().SelectMany(t => t.Fields.Select(f => (Type: t, Field: f)))
            .Where(x => x.Field.IsAuthorizationRequired() || x.Type.IsAuthorizationRequired()).ToList();
        Assert.Equal(2, wrapped.Count);
        Assert.All(wrapped, x => Assert.Equal("FuncFieldResolver`1", x.Field.Resolver!.GetType().Name));
    }
}
