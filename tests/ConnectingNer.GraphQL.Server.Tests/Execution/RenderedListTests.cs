using System.Text.Encodings.Web;
using ConnectingNer.GraphQL.Server.Execution;
using ConnectingNer.GraphQL.Server.Transport;
using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;
using GraphQL.Types;

namespace ConnectingNer.GraphQL.Server.Tests.Execution;

/// <summary>
/// Lists whose items select only fields read from their source are written to JSON during execution. A client must
/// get exactly what GraphQL.NET's own execution and serializer give, values, nulls and errors alike, whether our
/// writer copies the rendered list or another reader enumerates it.
/// </summary>
public sealed class RenderedListTests
{
    private static readonly GraphQLSerializer Theirs = new(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

    private static readonly GraphQLSerializer Ours = new(json =>
    {
        json.Encoder = ResultJson.Encoder;
        json.Converters.Add(new ExecutionResultWriter());
    });

    private static Task<ExecutionResult> RunAsync(string query, ExecutionStrategy strategy, string? variables = null) =>
        Strategies.ExecuteAsync(ThingSchema.Create(), query, strategy, variables is null ? null : Theirs.Deserialize<Inputs>(variables));

    /// <summary>The first field's list node of the result.</summary>
    private static ArrayExecutionNode List(ExecutionResult result) =>
        (ArrayExecutionNode)((RootExecutionNode)result.Data!).SubFields![0];

    private static async Task<(string Expected, string Ours, string Theirs, ArrayExecutionNode List)> CompareAsync(string query, string? variables = null)
    {
        var expected = Theirs.Serialize(await RunAsync(query, new SerialExecutionStrategy(), variables));
        var planned = await RunAsync(query, new PlannedSerialExecutionStrategy(), variables);
        return (expected, Ours.Serialize(planned), Theirs.Serialize(planned), List(planned));
    }

    [Theory]
    [InlineData("{ things { id label price flag big inner { id label inner { id } } } }")]
    [InlineData("{ things { __typename a: id b: label ...F } } fragment F on Thing { inner { __typename price } }")]
    [InlineData("{ things { id children { id children { id } } maybeChildren { label } } }")]
    [InlineData("{ nullableWithNull { id label } }")]
    [InlineData("{ once { id label } }")]
    [InlineData("{ things { id at } }")] // the date scalar serializes to a string
    [InlineData("{ things { globalId oddId longId idAsText children { globalId } } }")] // ids written without their strings
    public async Task ListsOfSourceFields_AreRendered_AndAnswerAsGraphQLNetDoes(string query)
    {
        var (expected, ours, theirs, list) = await CompareAsync(query);

        Assert.Equal(expected, ours);
        Assert.Equal(expected, theirs);
        Assert.IsType<RenderedList>(list.SerializedResult);
        Assert.Null(list.Items);
    }

    [Theory]
    [InlineData("{ things { id requiredLabel } }")] // a null where a value is promised
    [InlineData("{ things { id requiredInner { id } } }")]
    [InlineData("{ withNull { id } }")] // a null item in a list of non-null items
    [InlineData("{ things { broken } }")] // the resolver throws
    [InlineData("{ things { notAnInt } }")] // the scalar refuses the value
    [InlineData("{ things { id notAThing { id } } }")] // IsTypeOf rejects the value
    [InlineData("{ things { notAThing { __typename } } }")] // even when no field of it reads the value
    [InlineData("{ once { id requiredLabel } }")] // gives up on a sequence read once: GraphQL.NET reads what was read
    public async Task WhatGraphQLNetReports_IsReportedByIt(string query)
    {
        var (expected, ours, theirs, list) = await CompareAsync(query);

        Assert.Equal(expected, ours);
        Assert.Equal(expected, theirs);
        Assert.Contains("\"errors\"", ours, StringComparison.Ordinal);
        Assert.False(list.SerializedResult is RenderedList); // its items ran as nodes (a null among them nulls the list)
    }

    [Theory]
    [InlineData("{ things { id tags } }")] // a list of scalars
    [InlineData("{ things { id viaContext } }")] // a resolver that may read more than its source
    [InlineData("{ things { id children { viaContext } } }")]
    public async Task SelectionsTheRendererDoesNotWrite_RunNodeByNode(string query)
    {
        var (expected, ours, theirs, list) = await CompareAsync(query);

        Assert.Equal(expected, ours);
        Assert.Equal(expected, theirs);
        Assert.Null(list.SerializedResult);
        Assert.NotNull(list.Items);
    }

    [Fact]
    public async Task DirectivesWithVariables_RunNodeByNode_AndAnswerAsGraphQLNetDoes()
    {
        const string query = "query($show: Boolean!) { things { id label @include(if: $show) } }";
        foreach (var variables in (string[])["""{"show":true}""", """{"show":false}"""])
        {
            var (expected, ours, _, list) = await CompareAsync(query, variables);
            Assert.Equal(expected, ours);
            Assert.NotNull(list.Items);
        }
    }

    [Fact]
    public async Task ARenderedList_IsWrittenAsIs_OnlyWithTheOptionsItWasWrittenFor()
    {
        var planned = await RunAsync("{ things { label } }", new PlannedSerialExecutionStrategy());
        var escaping = new GraphQLSerializer(json => json.Converters.Add(new ExecutionResultWriter())); // default encoder
        var expected = new GraphQLSerializer(_ => { }).Serialize(await RunAsync("{ things { label } }", new SerialExecutionStrategy()));

        Assert.IsType<RenderedList>(List(planned).SerializedResult);
        Assert.Equal(expected, escaping.Serialize(planned));
        Assert.Contains("\\u0022quoted\\u0022 \\u2713", expected, StringComparison.Ordinal);
    }
}
