using ConnectingNer.GraphQL;
using ConnectingNer.GraphQL.Server;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.Api.Tests.Schema;

[Collection(ApiCollection.Name)]
public sealed class SchemaContractTests(ApiFixture fixture)
{
    private static readonly string ContractPath = Path.Combine(RepositoryPaths.Root, "schema", "schema.graphql");

    [Fact]
    public void Schema_MatchesCheckedInContract()
    {
        var current = SchemaExport.Print(fixture.Factory.Services.GetRequiredService<AppSchema>());
        var contract = File.Exists(ContractPath) ? File.ReadAllText(ContractPath).ReplaceLineEndings("\n") : "";

        Assert.True(current == contract,
            "schema/schema.graphql differs from the built schema. Regenerate it with " +
            "`dotnet run --project src/ConnectingNer.Api -- schema export --output schema/schema.graphql` and review the diff.");
    }

    [Fact]
    public void Schema_EveryPublicTypeAndFieldHasADescription()
    {
        var schema = fixture.Factory.Services.GetRequiredService<AppSchema>();
        schema.Initialize();
        var missing = new List<string>();
        foreach (var type in schema.AllTypes.Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal) && t is not ScalarGraphType))
        {
            if (string.IsNullOrWhiteSpace(type.Description)) missing.Add(type.Name);
            if (type is IComplexGraphType complex)
                missing.AddRange(complex.Fields.Where(f => string.IsNullOrWhiteSpace(f.Description)).Select(f => $"{type.Name}.{f.Name}"));
        }

        Assert.Empty(missing);
    }

    [Fact]
    public async Task SchemaExportCommand_WritesTheContract()
    {
        var output = Path.Combine(Path.GetTempPath(), $"schema-{Guid.NewGuid():N}.graphql");
        var schema = fixture.Factory.Services.GetRequiredService<AppSchema>();

        var handled = await SchemaExport.TryRunAsync(["schema", "export", "--output", output], () => schema);

        Assert.True(handled);
        Assert.Equal(SchemaExport.Print(schema), await File.ReadAllTextAsync(output));
        File.Delete(output);
    }

    [Fact]
    public async Task GetWithSdl_ServesTheContract()
    {
        var client = fixture.Factory.CreateClient(new() { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?sdl");
        request.Headers.Accept.ParseAdd("text/html"); // a browser: gets the SDL, not the IDE

        var response = await client.SendAsync(request);

        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(File.ReadAllText(ContractPath).ReplaceLineEndings("\n"), await response.Content.ReadAsStringAsync());
    }
}
