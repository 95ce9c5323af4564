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
    private sealed record Thing(int Id, string? Label, Thing? Inner, decimal Price);

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

    private sealed class ThingType : ObjectGraphType<Thing>
    {
        public ThingType()
        {
            Name = "Thing";
            Field<NonNullGraphType<IdGraphType>>("id").ResolveFromSource(t => "T" + t.Id);
            this.SourceField(t => t.Label, nullable: true);
            this.SourceField(t => t.Price);
            Field<ThingType>("inner").ResolveFromSource(t => t.Inner);
            Field<NonNullGraphType<ThingType>>("requiredInner").ResolveFromSource(t => t.Inner);
            Field<NonNullGraphType<StringGraphType>>("requiredLabel").ResolveFromSource(t => t.Label);
            Field<IntGraphType>("broken").ResolveFromSource(t => t.Id > 1 ? throw new InvalidOperationException("boom") : (object)t.Id);
            Field<IntGraphType>("notAnInt").ResolveFromSource(_ => "twelve");
            Field<StringGraphType>("counted").Resolve(_ => null); // replaced by the test
        }
    }

    private static readonly Thing[] Things =
    [
        new(1, "one", new Thing(10, "ten", null, 1.5m), 10.25m),
        new(2, null, null, 0m),
    ];

    private static ISchema Schema(out Counting counting)
    {
        var query = new ObjectGraphType { Name = "Query" };
        query.Field<ListGraphType<ThingType>>("things").Resolve(_ => Things);
        query.Field<ThingType>("first").Resolve(_ => Things[0]);
        var schema = new Schema { Query = query };
        schema.Initialize();
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
        Assert.Contains("\"counted\":\"one\"", planned, StringComparison.Ordinal);
        Assert.Equal((1, 0), (inline.Inline, inline.Standard));
        Assert.Equal((0, 1), (standard.Inline, standard.Standard));
    }
}
