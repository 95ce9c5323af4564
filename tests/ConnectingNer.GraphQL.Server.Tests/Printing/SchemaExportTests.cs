using ConnectingNer.GraphQL.Server.Tests.Library;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.GraphQL.Server.Tests.Printing;

[Collection(LibraryCollection.Name)]
public sealed class SchemaExportTests(LibraryDatabase database)
{
    private async Task<LibrarySchema> Schema() => (await database.DefaultServerAsync()).Services.GetRequiredService<LibrarySchema>();

    [Fact]
    public async Task TheSdl_HasDescriptionsSortedTypesAndOneTrailingNewline()
    {
        var sdl = SchemaExport.Print(await Schema());

        Assert.Contains("\"Librarians only.\"", sdl);
        Assert.True(sdl.IndexOf("type Book ", StringComparison.Ordinal) < sdl.IndexOf("type Shelf ", StringComparison.Ordinal));
        Assert.EndsWith("}\n", sdl);
        Assert.DoesNotContain("\r", sdl);
    }

    [Fact]
    public async Task TheExportCommand_WritesTheFileRelativeToWhereItWasTyped()
    {
        var schema = await Schema();
        var folder = Path.Combine(Path.GetTempPath(), "sdl-" + Guid.NewGuid().ToString("N"));
        var pwd = Environment.GetEnvironmentVariable("PWD");
        Environment.SetEnvironmentVariable("PWD", folder);
        Directory.CreateDirectory(folder);
        try
        {
            Assert.True(await SchemaExport.TryRunAsync(["schema", "export", "--output", "out/schema.graphql"], () => schema));
            Assert.Equal(SchemaExport.Print(schema), await File.ReadAllTextAsync(Path.Combine(folder, "out", "schema.graphql")));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PWD", pwd);
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task WithoutAnOutput_TheSdlGoesToStandardOutput()
    {
        var schema = await Schema();
        var console = Console.Out;
        using var captured = new StringWriter();
        Console.SetOut(captured);
        try
        {
            Assert.True(await SchemaExport.TryRunAsync(["schema", "export", "--output"], () => schema));
        }
        finally
        {
            Console.SetOut(console);
        }

        Assert.Equal(SchemaExport.Print(schema), captured.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("schema")]
    [InlineData("migrate export")]
    [InlineData("schema import")]
    public async Task OtherArguments_AreNotTheExportCommand(string words)
    {
        var args = words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var asked = false;
        Assert.False(await SchemaExport.TryRunAsync(args, () =>
        {
            asked = true;
            return new LibrarySchema(null!, null!, null!);
        }));
        Assert.False(asked);
    }

    [Fact]
    public async Task TheServedSdl_IsThePrintedOne_PrintedOnce()
    {
        var server = await database.DefaultServerAsync();
        var sdl = server.Services.GetRequiredService<SchemaSdl<LibrarySchema>>();

        Assert.Same(sdl.Text, sdl.Text);
        Assert.Equal(SchemaExport.Print(await Schema()), sdl.Text);
    }
}

/// <summary>
/// The library schema as the layer prints it, checked in: the generic types' names, arguments and descriptions
/// (filter operators, sort directions, connections, page info, node) are part of every schema built on the layer.
/// After a deliberate change, run the test once with UPDATE_LIBRARY_SCHEMA=1 and review the diff.
/// </summary>
[Collection(LibraryCollection.Name)]
public sealed class LibrarySchemaContractTests(LibraryDatabase database)
{
    [Fact]
    public async Task TheGenericTypes_PrintAsCheckedIn()
    {
        var server = await database.DefaultServerAsync();
        var printed = SchemaExport.Print(server.Services.GetRequiredService<LibrarySchema>());
        var file = Path.Combine(ProjectFolder(), "Printing", "library.graphql");
        if (Environment.GetEnvironmentVariable("UPDATE_LIBRARY_SCHEMA") == "1") await File.WriteAllTextAsync(file, printed);

        Assert.True(File.Exists(file), $"{file} is missing; the printed schema is:\n{printed}");
        Assert.Equal(await File.ReadAllTextAsync(file), printed);
    }

    private static string ProjectFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ConnectingNer.GraphQL.Server.Tests.csproj"))) return dir.FullName;
        }

        throw new InvalidOperationException("The test project's folder is not above " + AppContext.BaseDirectory);
    }
}
