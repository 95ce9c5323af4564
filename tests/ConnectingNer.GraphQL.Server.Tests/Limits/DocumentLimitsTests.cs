using ConnectingNer.GraphQL.Server.Limits;
using ConnectingNer.GraphQL.Server.Tests.Library;
using ConnectingNer.GraphQL.Server.Transport;

namespace ConnectingNer.GraphQL.Server.Tests.Limits;

/// <summary>Each limit at its boundary: the limit itself passes, one more is refused with the limit's own code.</summary>
[Collection(LibraryCollection.Name)]
public sealed class DocumentLimitsTests(LibraryDatabase database) : IAsyncLifetime
{
    private LibraryServer _server = null!;

    public async Task InitializeAsync() => _server = await LibraryServer.StartAsync(database, new Dictionary<string, string?>
    {
        ["GraphQL:MaxAliases"] = "2",
        ["GraphQL:MaxFieldRepeats"] = "2",
        ["GraphQL:MaxFields"] = "6",
        ["GraphQL:MaxDirectives"] = "2",
        ["GraphQL:MaxTokens"] = "40",
        ["GraphQL:MaxDepth"] = "4",
        ["GraphQL:MaxComplexity"] = "60",
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Task<Answer> Run(string query, object? variables = null, string? operationName = null) => _server.PostAsync(query, variables, operationName);

    [Fact]
    public async Task Aliases_UpToTheLimit_FragmentsIncluded()
    {
        var ok = await Run("{ a: echo(text: \"1\") b: echo(text: \"2\") }");
        var over = await Run("{ a: echo(text: \"1\") ...F } fragment F on Query { b: echo(text: \"2\") c: echo(text: \"3\") }");

        Assert.False(ok.HasErrors, ok.Body);
        Assert.Equal("MAX_ALIASES_EXCEEDED", over.FirstCode);
        Assert.Contains("uses 3", over.Body);
    }

    [Fact]
    public async Task AFieldRepeated_UpToTheLimit()
    {
        var ok = await Run("{ echo echo }");
        var over = await Run("{ echo echo echo }");

        Assert.False(ok.HasErrors, ok.Body);
        Assert.Equal("MAX_FIELD_REPEATS_EXCEEDED", over.FirstCode);
        Assert.Contains("'echo' is selected 3 times", over.Body);
    }

    [Fact]
    public async Task Fields_UpToTheLimit_EachFragmentCountedWhereverItIsSpread()
    {
        var ok = await Run("{ ...F ...F } fragment F on Query { echo whoAmI: echo(text: \"x\") openEcho: echo }");
        var over = await Run("{ x: __typename ...F ...F } fragment F on Query { echo y: echo(text: \"x\") z: echo }");

        Assert.DoesNotContain("MAX_FIELDS_EXCEEDED", ok.Body);
        Assert.Contains("MAX_FIELDS_EXCEEDED", over.Codes);
    }

    [Fact]
    public async Task FragmentsThatSpreadEachOtherManyTimes_AreCountedQuickly_AndRefused()
    {
        var fragments = string.Join(" ", Enumerable.Range(0, 30).Select(i => $"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}"));
        var started = System.Diagnostics.Stopwatch.StartNew();

        await using var server = await LibraryServer.StartAsync(database, new Dictionary<string, string?> { ["GraphQL:MaxTokens"] = "100000" });
        var answer = await server.PostAsync("{ ...F0 } " + fragments + " fragment F30 on Query { echo }");

        Assert.Contains("MAX_FIELDS_EXCEEDED", answer.Codes);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Directives_UpToTheLimit()
    {
        var ok = await Run("{ echo @include(if: true) b: echo @skip(if: false) }");
        var over = await Run("{ echo @include(if: true) @skip(if: false) b: echo @include(if: true) }");

        Assert.False(ok.HasErrors, ok.Body);
        Assert.Equal("MAX_DIRECTIVES_EXCEEDED", over.FirstCode);
    }

    [Fact]
    public async Task Tokens_UpToTheLimit_CountedBeforeParsing()
    {
        // "{ echo }" is 3 tokens; each "echo" adds one.
        var ok = await Run("{ " + string.Join(" ", Enumerable.Repeat("__typename", 38)) + " }");
        var over = await Run("{ " + string.Join(" ", Enumerable.Repeat("__typename", 39)) + " }");

        Assert.DoesNotContain("MAX_TOKENS_EXCEEDED", ok.Body);
        Assert.Equal("MAX_TOKENS_EXCEEDED", over.FirstCode);
    }

    [Fact]
    public void TheTokenCounter_StopsAtASyntaxError_AndCountsExactly()
    {
        Assert.False(TokenLimit.Exceeds("{ a b }", 4));
        Assert.True(TokenLimit.Exceeds("{ a b }", 3));
        Assert.False(TokenLimit.Exceeds("{ \"unterminated", 1));
        Assert.False(TokenLimit.Exceeds("", 0));
    }

    [Fact]
    public async Task Depth_UpToTheLimit()
    {
        var ok = await Run("{ book(id: \"Qm9vazox\") { shelf { name } } }");
        var over = await Run("{ book(id: \"Qm9vazox\") { shelf { books(first: 1) { nodes { title } } } } }");

        Assert.DoesNotContain("MAX_DEPTH", ok.Body);
        Assert.True(over.HasErrors);
        Assert.Equal(400, over.Status);
    }

    [Fact]
    public async Task Complexity_IsJudgedForTheOperationExecuted_CachedOrNot()
    {
        const string document = "query Cheap { echo } query Heavy { books(first: 50) { nodes { title pages price tags } } }";

        var cheap = await Run(document, operationName: "Cheap");
        var heavy = await Run(document, operationName: "Heavy");
        var cheapAgain = await Run(document, operationName: "Cheap");
        var heavyAgain = await Run(document, operationName: "Heavy");

        Assert.False(cheap.HasErrors, cheap.Body);
        Assert.True(heavy.HasErrors);
        Assert.False(cheapAgain.HasErrors, cheapAgain.Body);
        Assert.True(heavyAgain.HasErrors);
    }

    [Fact]
    public async Task Complexity_ReadsFirstFromTheVariables_OnEveryRequest()
    {
        const string document = "query($n: Int) { books(first: $n) { nodes { title pages price tags } } }";

        var small = await Run(document, new { n = 1 });
        var large = await Run(document, new { n = 50 });
        var smallAgain = await Run(document, new { n = 1 });

        Assert.False(small.HasErrors, small.Body);
        Assert.True(large.HasErrors);
        Assert.False(smallAgain.HasErrors, smallAgain.Body);
    }

    [Fact]
    public void IntrospectionOnly_MeansUpToThreeIntrospectionRootsOfAQuery()
    {
        static GraphQLParser.AST.GraphQLOperationDefinition Operation(string text) =>
            GraphQLParser.Parser.Parse(text).Definitions.OfType<GraphQLParser.AST.GraphQLOperationDefinition>().Single();

        Assert.True(IntrospectionAwareLimitRule.IsIntrospectionOnly(Operation("{ __schema { description } }")));
        Assert.True(IntrospectionAwareLimitRule.IsIntrospectionOnly(Operation("{ __typename a: __typename b: __typename }")));
        Assert.False(IntrospectionAwareLimitRule.IsIntrospectionOnly(Operation("{ __typename a: __typename b: __typename c: __typename }")));
        Assert.False(IntrospectionAwareLimitRule.IsIntrospectionOnly(Operation("{ __typename echo }")));
        Assert.False(IntrospectionAwareLimitRule.IsIntrospectionOnly(Operation("mutation { __typename }")));
        Assert.False(IntrospectionAwareLimitRule.IsIntrospectionOnly(null));
    }

    [Fact]
    public async Task AnIntrospectionQuery_IsHeldToTheDepthLimitOnly()
    {
        await using var server = await LibraryServer.StartAsync(database, new Dictionary<string, string?> { ["GraphQL:MaxComplexity"] = "5" });

        var schema = await server.PostAsync("{ __schema { types { name kind } } }");
        var data = await server.PostAsync("{ books(first: 10) { nodes { title } } }");

        Assert.False(schema.HasErrors, schema.Body);
        Assert.True(data.HasErrors);
    }

    [Fact]
    public async Task IntrospectionCycles_AreRefused()
    {
        await using var server = await LibraryServer.StartAsync(database);

        var cycle = await server.PostAsync("{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }");
        var shallow = await server.PostAsync("{ __schema { types { fields { type { name } } } } }");
        var ofType = await server.PostAsync("{ __type(name: \"Book\") { fields { type { ofType { ofType { ofType { name } } } } } } }");

        var viaFragment = await server.PostAsync(
            "{ __schema { ...T } } fragment T on __Schema { types { inputFields { type { inputFields { name } } } } }");
        var interfaces = await server.PostAsync("{ __type(name: \"Book\") { interfaces { possibleTypes { name } } } }");

        Assert.Equal("MAX_INTROSPECTION_DEPTH_EXCEEDED", cycle.FirstCode);
        Assert.Equal("MAX_INTROSPECTION_DEPTH_EXCEEDED", viaFragment.FirstCode);
        Assert.Equal("MAX_INTROSPECTION_DEPTH_EXCEEDED", interfaces.FirstCode);
        Assert.False(shallow.HasErrors, shallow.Body);
        Assert.False(ofType.HasErrors, ofType.Body);
    }

    [Fact]
    public async Task AnUnknownDirectiveUsedManyTimes_IsReportedOnce()
    {
        await using var server = await LibraryServer.StartAsync(database);

        var answer = await server.PostAsync("{ a: echo @nope b: echo @nope c: echo @nope }");

        Assert.Single(answer.Codes);
    }
}
