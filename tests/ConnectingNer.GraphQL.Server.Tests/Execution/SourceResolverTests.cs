using System.Text.Encodings.Web;
using ConnectingNer.GraphQL.Server.Execution;
using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Server.Tests.Execution;

/// <summary>
/// Fields resolved from their source alone run inline in the planned strategy; what a client gets must be what
/// GraphQL.NET's own execution gives for the same fields, values, nulls and errors alike.
/// </summary>
public sealed class SourceResolverTests
{
    /// <summary>Counts how it is called: <see cref="Resolve"/> inline, <see cref="ResolveAsync"/> by GraphQL.NET.</summary>
    private sealed class Counting(Func<Thing, object?> resolve) : global::GraphQL.Resolvers.IFieldResolver, ISourceResolver
    {
        public int Inline, Standard;

        public object? Resolve(object? source)
        {
            Inline++;
            return resolve((Thing)source!);
        }

        public ValueTask<object?> ResolveAsync(IResolveFieldContext context)
        {
            Standard++;
            return new(resolve((Thing)context.Source!));
        }
    }

    private static ISchema Schema(out Counting counting)
    {
        var schema = ThingSchema.Create();
        counting = new Counting(t => t.Label);
        ((IObjectGraphType)schema.AllTypes["Thing"]!).GetField("counted")!.Resolver = counting;
        return schema;
    }

    private static async Task<string> RunAsync(ISchema schema, string query, ExecutionStrategy strategy)
    {
        var result = await Strategies.ExecuteAsync(schema, query, strategy);
        return new GraphQLSerializer(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Serialize(result);
    }

    [Theory]
    [InlineData("{ things { id label price inner { id label inner { id } } } }")]
    [InlineData("{ things { id requiredLabel } }")]
    [InlineData("{ things { id requiredInner { id } } }")]
    [InlineData("{ things { broken notAnInt } first { broken } }")]
    [InlineData("{ first { a: id b: label inner { __typename price } } }")]
    [InlineData("{ first { id label price inner { id label inner { id } } requiredInner { id } } }")]
    public async Task SourceResolvedFields_AnswerAsGraphQLNetDoes(string query)
    {
        var expected = await RunAsync(Schema(out _), query, new SerialExecutionStrategy());
        var planned = await RunAsync(Schema(out _), query, new PlannedSerialExecutionStrategy());

        Assert.Equal(expected, planned);
    }

    [Fact]
    public async Task ASourceResolver_RunsInline_InThePlannedStrategy_AndThroughItsContextElsewhere()
    {
        var planned = await RunAsync(Schema(out var inline), "{ first { counted } }", new PlannedSerialExecutionStrategy());
        var serial = await RunAsync(Schema(out var standard), "{ first { counted } }", new SerialExecutionStrategy());

        Assert.Equal(serial, planned);
        Assert.Contains("\"counted\":\"one \\\"quoted\\\" ✓\"", planned, StringComparison.Ordinal);
        Assert.Equal((1, 0), (inline.Inline, inline.Standard));
        Assert.Equal((0, 1), (standard.Inline, standard.Standard));
    }
}
