using ConnectingNer.GraphQL.Server.Limits;
using ConnectingNer.GraphQL.Server.Tests.Library;

namespace ConnectingNer.GraphQL.Server.Tests.Limits;

[Collection(LibraryCollection.Name)]
public sealed class LimitDetailTests(LibraryDatabase database)
{
    private static string Message(Answer answer, string code) =>
        answer.Json.GetProperty("errors").EnumerateArray()
            .First(e => e.GetProperty("extensions").GetProperty("code").GetString() == code).GetProperty("message").GetString()!;

    [Theory]
    [InlineData("query Q @skip(if: false) @skip(if: false) @skip(if: false) { echo }")]
    [InlineData("query Q($v: Int @skip(if: false) @skip(if: false) @skip(if: false)) { echo }")]
    [InlineData("{ ...F } fragment F on Query @skip(if: false) @skip(if: false) @skip(if: false) { echo }")]
    [InlineData("{ ...F @include(if: true) ...F @include(if: true) ...F @include(if: true) } fragment F on Query { echo }")]
    [InlineData("{ ... @include(if: true) { a: echo } ... @include(if: true) { b: echo } ... @include(if: true) { c: echo } }")]
    [InlineData("{ books(first: 1) { nodes { title @include(if: true) pages @include(if: true) } } echo @include(if: true) }")]
    [InlineData("{ ...F } fragment F on Query { books(first: 1) { nodes { ... on Book { title @include(if: true) pages @include(if: true) tags @include(if: true) } } } }")]
    public async Task Directives_AreCountedWhereverTheyStand(string query)
    {
        await using var server = await LibraryServer.StartAsync(database, new Dictionary<string, string?> { ["GraphQL:MaxDirectives"] = "2" });

        var answer = await server.PostAsync(query);

        Assert.Contains("MAX_DIRECTIVES_EXCEEDED", answer.Codes);
        Assert.Equal("The document uses more than 2 directives.", Message(answer, "MAX_DIRECTIVES_EXCEEDED"));
    }

    [Fact]
    public async Task Repeats_CountResponseKeys_NotFieldNames_AndAreReportedOnce()
    {
        var server = await database.DefaultServerAsync();

        var aliased = await server.PostAsync("{ a: echo b: echo c: echo d: echo }");
        var twice = await server.PostAsync("{ echo echo echo echo books(first: 1) { nodes { title title title title } } }");

        Assert.False(aliased.HasErrors, aliased.Body);
        Assert.Equal(["MAX_FIELD_REPEATS_EXCEEDED"], twice.Codes);
        Assert.Equal("'echo' is selected 4 times in one selection set; at most 3 are allowed.", Message(twice, "MAX_FIELD_REPEATS_EXCEEDED"));
    }

    [Fact]
    public async Task TheFieldLimit_SaysHowItCounts()
    {
        await using var server = await LibraryServer.StartAsync(database, new Dictionary<string, string?> { ["GraphQL:MaxFields"] = "1" });

        var answer = await server.PostAsync("{ echo __typename }");

        Assert.Equal("An operation may select at most 1 fields, counting each fragment wherever it is spread.", Message(answer, "MAX_FIELDS_EXCEEDED"));
    }

    [Fact]
    public async Task AnUnknownFragment_IsAValidationError_NotAFault()
    {
        var answer = await (await database.DefaultServerAsync()).PostAsync("{ ...Missing echo }");

        Assert.Equal(400, answer.Status);
        Assert.DoesNotContain("INTERNAL_SERVER_ERROR", answer.Codes);
    }

    [Fact]
    public async Task IntrospectionIsHeldToTheDepthLimit()
    {
        await using var server = await LibraryServer.StartAsync(database, new Dictionary<string, string?> { ["GraphQL:MaxDepth"] = "4" });

        var shallow = await server.PostAsync("{ __schema { queryType { fields { name } } } }");
        var deep = await server.PostAsync("{ __schema { queryType { fields { type { name } } } } }");

        Assert.False(shallow.HasErrors, shallow.Body);
        Assert.True(deep.HasErrors);
    }

    [Fact]
    public async Task OfType_NestsUpToItsLimit()
    {
        await using var server = await LibraryServer.StartAsync(database, new Dictionary<string, string?> { ["GraphQL:MaxDepth"] = "40" });
        static string OfTypes(int n) => "{ __type(name: \"Book\") { fields { type { " + string.Concat(Enumerable.Repeat("ofType { ", n)) + "name" + new string('}', n) + " } } } }";

        var atLimit = await server.PostAsync(OfTypes(IntrospectionDepthRule.MaxOfTypeDepth));
        var over = await server.PostAsync(OfTypes(IntrospectionDepthRule.MaxOfTypeDepth + 1));

        Assert.DoesNotContain("MAX_INTROSPECTION_DEPTH_EXCEEDED", atLimit.Codes);
        Assert.Contains("MAX_INTROSPECTION_DEPTH_EXCEEDED", over.Codes);
        Assert.Equal($"Introspection nests 'ofType' too deeply (at most {IntrospectionDepthRule.MaxListDepth} of fields/inputFields/interfaces/possibleTypes "
            + $"and {IntrospectionDepthRule.MaxOfTypeDepth} of ofType).", Message(over, "MAX_INTROSPECTION_DEPTH_EXCEEDED"));
    }

    [Fact]
    public async Task IntrospectionReachedThroughFragments_IsJudgedToo()
    {
        await using var server = await LibraryServer.StartAsync(database);

        var inline = await server.PostAsync("{ ... on Query { __schema { types { fields { type { fields { name } } } } } } }");
        var spread = await server.PostAsync("{ ...Q } fragment Q on Query { __schema { types { fields { type { fields { name } } } } } }");

        Assert.Contains("MAX_INTROSPECTION_DEPTH_EXCEEDED", inline.Codes);
        Assert.Contains("MAX_INTROSPECTION_DEPTH_EXCEEDED", spread.Codes);
    }
}
