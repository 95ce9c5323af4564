using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;

namespace ConnectingNer.GraphQL.Server;

/// <summary>The schema as SDL with descriptions: what <c>schema export</c> writes and the contract test compares.</summary>
public static class SchemaExport
{
    public static string Print(ISchema schema)
    {
        schema.Initialize();
        var sdl = schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true, StringComparison = StringComparison.Ordinal });
        return sdl.ReplaceLineEndings("\n").TrimEnd() + "\n";
    }

    /// <summary>Handles <c>schema export [--output FILE]</c>; returns false when <paramref name="args"/> asks for something else.</summary>
    public static async Task<bool> TryRunAsync(string[] args, Func<ISchema> schema)
    {
        if (args.Length < 2 || args[0] != "schema" || args[1] != "export") return false;
        var sdl = Print(schema());
        var output = Array.IndexOf(args, "--output");
        if (output >= 0 && output + 1 < args.Length)
        {
            // `dotnet run` starts a web project in its own folder; the shell's PWD is where the user typed the command.
            var caller = Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } pwd && Directory.Exists(pwd)
                ? pwd
                : Environment.CurrentDirectory;
            var path = Path.GetFullPath(args[output + 1], caller);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, sdl);
            Console.WriteLine($"Schema written to {path}");
        }
        else
        {
            Console.Write(sdl);
        }

        return true;
    }
}
