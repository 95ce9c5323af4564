using System.Net;

namespace ConnectingNer.Api.Tests.Transport;

/// <summary>
/// GraphQL Armor's limits, on by default, each with its own code, and the complexity limit held for the operation
/// actually executed, whether its document was cached or not.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class GraphQLLimitsTests(ApiFixture fixture)
{
    private static string Pages(int count, string prefix = "p") => string.Join(" ", Enumerable.Range(0, count).Select(i =>
        $"{prefix}{i}: products(first: 50) {{ nodes {{ sku name description stock category {{ name slug description }} }} }}"));

    [Fact]
    public async Task ACachedDocument_RunAsItsOtherOperation_IsCheckedForThatOperation()
    {
        // Unique text, so no earlier test cached it; Heavy is within the alias limit and over the complexity limit.
        var document = $"query Cheap {{ __typename }} query Heavy {{ {Pages(15, "h" + Guid.NewGuid().ToString("N")[..6])} }}";

        var cheap = await fixture.Client().PostAsync(document, operationName: "Cheap");
        var heavy = await fixture.Client().PostAsync(document, operationName: "Heavy");
        var cheapAgain = await fixture.Client().PostAsync(document, operationName: "Cheap");

        cheap.EnsureNoErrors();
        Assert.Equal(["COMPLEXITY"], heavy.ErrorCodes);
        Assert.Null(heavy.Data);
        cheapAgain.EnsureNoErrors();
    }

    [Fact]
    public async Task MoreThanFifteenAliases_AreRefused_FragmentsIncluded()
    {
        var fifteen = "{ " + string.Join(" ", Enumerable.Range(0, 15).Select(i => $"a{i}: __typename")) + " }";
        var sixteenThroughAFragment = "{ ...F " + string.Join(" ", Enumerable.Range(0, 8).Select(i => $"a{i}: __typename")) + " } "
            + "fragment F on Query { " + string.Join(" ", Enumerable.Range(0, 8).Select(i => $"b{i}: __typename")) + " }";

        (await fixture.Client().PostAsync(fifteen)).EnsureNoErrors();
        var refused = await fixture.Client().PostAsync(sixteenThroughAFragment);

        Assert.Equal(["MAX_ALIASES_EXCEEDED"], refused.ErrorCodes);
        Assert.Null(refused.Data);
    }

    [Fact]
    public async Task AFieldSelectedMoreThanThreeTimesInOneSelectionSet_IsRefused()
    {
        var three = await fixture.Client().PostAsync("{ __typename __typename __typename }");
        var many = await fixture.Client().PostAsync("{ " + string.Concat(Enumerable.Repeat("__typename ", 500)) + "}");

        three.EnsureNoErrors();
        Assert.Equal(["MAX_FIELD_REPEATS_EXCEEDED"], many.ErrorCodes);
    }

    [Fact]
    public async Task MoreThanFiftyDirectives_AreRefused_AndAnUnknownDirectiveIsReportedOnce()
    {
        var fifty = "{ " + string.Concat(Enumerable.Repeat("... @include(if: true) { __typename } ", 50)) + "}";
        var manyUnknown = "{ __typename " + string.Concat(Enumerable.Repeat("@nope ", 40)) + "}";
        var tooMany = "{ " + string.Concat(Enumerable.Repeat("... @include(if: true) { __typename } ", 51)) + "}";

        var allowed = await fixture.Client().PostAsync(fifty);
        var unknown = await fixture.Client().PostAsync(manyUnknown);
        var refused = await fixture.Client().PostAsync(tooMany);

        allowed.EnsureNoErrors();
        Assert.Single(unknown.Errors!, e => e!["message"]!.GetValue<string>().Contains("nope", StringComparison.Ordinal));
        Assert.Equal(["MAX_DIRECTIVES_EXCEEDED"], refused.ErrorCodes);
    }

    [Fact]
    public async Task MoreThanAThousandTokens_AreRefusedBeforeParsing_WhileTheIdesIntrospectionFits()
    {
        var tooMany = "{ " + string.Concat(Enumerable.Repeat("__typename ", 1_001)) + "}";

        var refused = await fixture.Client().PostAsync(tooMany);
        var introspection = await fixture.Client().PostAsync(IdeIntrospectionQuery);

        Assert.Equal(["MAX_TOKENS_EXCEEDED"], refused.ErrorCodes);
        introspection.EnsureNoErrors();
        Assert.NotNull(introspection.Data!["__schema"]!["queryType"]);
    }

    [Theory]
    [InlineData("{ __schema { types { fields { type { fields { name } } } } } }")]
    [InlineData("{ __type(name: \"Query\") { fields { type { fields { type { name } } } } } }")]
    [InlineData("{ __schema { types { interfaces { possibleTypes { name } } } } }")]
    [InlineData("query { __schema { types { ...F } } } fragment F on __Type { fields { type { inputFields { name } } } }")]
    public async Task IntrospectionCycles_AreRefused(string query)
    {
        var response = await fixture.Client().PostAsync(query);

        Assert.Equal(["MAX_INTROSPECTION_DEPTH_EXCEEDED"], response.ErrorCodes);
        Assert.Null(response.Data);
    }

    [Fact]
    public async Task ValidationErrors_CarryNoSuggestions()
    {
        var response = await fixture.Client().PostAsync("{ products(first: 1) { nodes { nam } } }");

        var message = response.Errors![0]!["message"]!.GetValue<string>();
        Assert.Contains("nam", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Did you mean", message, StringComparison.Ordinal);
        Assert.DoesNotContain("'name'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALimitError_IsA400UnderTheGraphQLResponseMediaType()
    {
        var response = await fixture.Client().PostAsync("{ " + string.Concat(Enumerable.Repeat("__typename ", 1_001)) + "}",
            accept: "application/graphql-response+json");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
    }

    [Theory]
    [InlineData("{ productBySku(sku: \"a\\u0000b\") { sku } }", null)]
    [InlineData("{ productBySku(sku: \"\\uD83D\") { sku } }", null)]
    [InlineData("query($s: String!) { productBySku(sku: $s) { sku } }", "a\u0000b")]
    public async Task StringsADatabaseCannotStore_AreInvalidValues_NotInternalErrors(string query, string? variable)
    {
        var response = await fixture.Client().PostAsync(query, variable is null ? null : new { s = variable });

        Assert.Null(response.Data);
        Assert.NotEmpty(response.ErrorCodes);
        Assert.DoesNotContain("INTERNAL_SERVER_ERROR", response.ErrorCodes);
    }

    [Theory]
    [InlineData("Query", "__typename", "{ ...F0 }")]
    [InlineData("Query", "a: __typename", "{ ...F0 }")]
    [InlineData("__Type", "name", "{ __schema { types { ...F0 } } }")]
    public async Task FragmentsThatDoubleAtEachStep_AreRefused_BeforeAnyoneWalksEveryPath(string type, string leaf, string operation)
    {
        // Each fragment spreads the next twice: 2^40 paths through 41 fragments, well under the token limit. The executor
        // (and any rule that walks every path) never finishes such a document; the test would time out instead of passing.
        var document = operation + " " + string.Concat(Enumerable.Range(0, 40).Select(i => $"fragment F{i} on {type} {{ ...F{i + 1} ...F{i + 1} }} "))
            + $"fragment F40 on {type} {{ {leaf} }}";

        var response = await fixture.Client().PostAsync(document);

        Assert.Contains("MAX_FIELDS_EXCEEDED", response.ErrorCodes);
        Assert.Null(response.Data);
    }

    [Fact]
    public async Task TwoFragmentsOfOneName_AreAValidationError_NotACrash()
    {
        var response = await fixture.Client().PostAsync(
            "{ ...F } fragment F on Query { a: __typename } fragment F on Query { b: __typename }");

        Assert.Null(response.Data);
        Assert.NotEmpty(response.ErrorCodes);
        Assert.DoesNotContain("INTERNAL_SERVER_ERROR", response.ErrorCodes);
    }

    [Fact]
    public async Task ADocumentNestedBeyondTheParsersGuard_IsARequestError()
    {
        var response = await fixture.Client().PostAsync("{ " + string.Concat(Enumerable.Repeat("products { nodes { ", 80)));

        Assert.Equal(["MAX_DEPTH_EXCEEDED"], response.ErrorCodes);
    }

    /// <summary>graphql-js's getIntrospectionQuery with the options this schema supports: what Banana Cake Pop and code generators send.</summary>
    private const string IdeIntrospectionQuery = """
        query IntrospectionQuery {
          __schema {
            description
            queryType { name kind }
            mutationType { name kind }
            subscriptionType { name kind }
            types { ...FullType }
            directives { name description isRepeatable locations args { ...InputValue } }
          }
        }
        fragment FullType on __Type {
          kind name description isOneOf
          fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
          inputFields { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type {
          kind name
          ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } }
        }
        """;
}
