using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.GraphQL.Server.Tests.Errors;

/// <summary>The server's execution timeout, on a schema whose only field waits until it is cancelled.</summary>
public sealed class ExecutionTimeoutTests
{
    private sealed class SlowQuery : ObjectGraphType
    {
        public SlowQuery()
        {
            Name = "Query";
            Field<StringGraphType>("slow").ResolveAsync(async ctx =>
            {
                await Task.Delay(Timeout.Infinite, ctx.CancellationToken);
                return "never";
            });
        }
    }

    private sealed class SlowSchema : Schema
    {
        public SlowSchema(IServiceProvider services) : base(services) => Query = new SlowQuery();
    }

    [Fact]
    public async Task Execute_WhenTimeoutExpires_ReturnsExecutionTimeoutCode()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["GraphQL:ExecutionTimeout"] = "00:00:00.200" })
            .Build();
        await using var provider = new ServiceCollection().AddLogging().AddGraphQLServer<SlowSchema>(configuration).BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();

        var execution = scope.ServiceProvider.GetRequiredService<IDocumentExecuter<SlowSchema>>()
            .ExecuteAsync(new ExecutionOptions { Query = "{ slow }", RequestServices = scope.ServiceProvider });
        // Without a working timeout the field would wait forever: fail instead of hanging.
        Assert.Same(execution, await Task.WhenAny(execution, Task.Delay(TimeSpan.FromSeconds(10))));
        var result = await execution;
        var json = scope.ServiceProvider.GetRequiredService<IGraphQLTextSerializer>().Serialize(result);

        var code = JsonDocument.Parse(json).RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();
        Assert.Equal("EXECUTION_TIMEOUT", code);
    }
}
