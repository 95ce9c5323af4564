using ConnectingNer.GraphQL.Server.Tests.Library;
using ConnectingNer.GraphQL.Server.Transport;
using GraphQL;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.GraphQL.Server.Tests.Transport;

/// <summary>
/// The validation of a repeated operation without variables is kept with its parsed operation and reused while no rule
/// has to run; anything that can change the result (variables, a rule to run, an invalid document) is validated again.
/// </summary>
[Collection(LibraryCollection.Name)]
public sealed class ValidationReuseTests(LibraryDatabase database)
{
    private sealed class CountingValidator(bool fail = false) : IDocumentValidator
    {
        private readonly DocumentValidator _inner = new();

        public int Runs { get; private set; }

        public Task<IValidationResult> ValidateAsync(in ValidationOptions options)
        {
            Runs++;
            return fail ? Task.FromResult<IValidationResult>(new ValidationResult([new ValidationError("refused")])) : _inner.ValidateAsync(options);
        }
    }

    private async Task<ValidationOptions> OptionsAsync(string query, IEnumerable<IValidationRule> rules, Inputs? variables = null)
    {
        var server = await database.DefaultServerAsync();
        var document = GraphQLParser.Parser.Parse(query);
        return new ValidationOptions
        {
            Schema = server.Services.GetRequiredService<LibrarySchema>(),
            Document = document,
            Operation = document.Definitions.OfType<GraphQLOperationDefinition>().First(),
            Rules = rules,
            Variables = variables ?? Inputs.Empty,
            RequestServices = server.Services,
        };
    }

    [Fact]
    public async Task AnOperationWithoutVariables_RunWithNoRules_IsValidatedOnce_AndItsArgumentsKept()
    {
        var counting = new CountingValidator();
        var validator = new ReusingDocumentValidator(counting);
        var options = await OptionsAsync("{ echo(text: \"kept\") }", new List<IValidationRule>());

        var first = await validator.ValidateAsync(options);
        var second = await validator.ValidateAsync(options);

        Assert.True(first.IsValid);
        Assert.Same(first, second);
        Assert.Equal(1, counting.Runs);
        Assert.Equal("kept", Assert.Single(second.ArgumentValues!.Values).Values.Single().Value);
    }

    [Fact]
    public async Task VariablesRulesAndInvalidDocuments_AreValidatedEveryTime()
    {
        var withVariables = await OptionsAsync("query($t: String) { echo(text: $t) }", new List<IValidationRule>(),
            new Inputs(new Dictionary<string, object?> { ["t"] = "x" }));
        var withRule = await OptionsAsync("{ echo(text: \"a\") }", new List<IValidationRule> { global::GraphQL.Validation.Rules.KnownArgumentNames.Instance });
        var refused = await OptionsAsync("{ echo(text: \"b\") }", new List<IValidationRule>());

        foreach (var (options, fail) in new[] { (withVariables, false), (withRule, false), (refused, true) })
        {
            var counting = new CountingValidator(fail);
            var validator = new ReusingDocumentValidator(counting);
            var first = await validator.ValidateAsync(options);
            var second = await validator.ValidateAsync(options);
            Assert.Equal(2, counting.Runs);
            Assert.NotSame(first, second);
            Assert.Equal(!fail, second.IsValid);
        }
    }

    [Fact]
    public async Task TheServersExecutor_ValidatesWithIt_AndRepeatedQueriesAnswerWithTheirOwnArguments()
    {
        var server = await database.DefaultServerAsync();

        Assert.IsType<ReusingDocumentValidator>(server.Services.GetRequiredService<IDocumentValidator>());
        for (var round = 0; round < 3; round++)
        {
            Assert.Equal("one", (await server.PostAsync("{ echo(text: \"one\") }")).Data.GetProperty("echo").GetString());
            Assert.Equal("two", (await server.PostAsync("{ echo(text: \"two\") }")).Data.GetProperty("echo").GetString());
            Assert.Equal("v" + round, (await server.PostAsync("query($t: String) { echo(text: $t) }", new { t = "v" + round })).Data.GetProperty("echo").GetString());
        }
    }
}
