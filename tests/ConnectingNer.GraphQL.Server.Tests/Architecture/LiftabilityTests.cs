using System.Text.RegularExpressions;

namespace ConnectingNer.GraphQL.Server.Tests.Architecture;

/// <summary>The layer could leave this repository with its tests: no cycles between its folders, no shop words, one list of codes.</summary>
public sealed partial class LiftabilityTests
{
    private static readonly string Source = FindSource();

    private static string FindSource()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "ConnectingNer.GraphQL.Server");
            if (Directory.Exists(candidate)) return candidate;
        }

        throw new InvalidOperationException("src/ConnectingNer.GraphQL.Server not found above " + AppContext.BaseDirectory);
    }

    private static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));

    private static string FolderOf(string file)
    {
        var relative = Path.GetRelativePath(Source, Path.GetDirectoryName(file)!);
        return relative == "." ? "" : relative.Replace(Path.DirectorySeparatorChar, '.');
    }

    [GeneratedRegex(@"ConnectingNer\.GraphQL\.Server\.([A-Za-z]+(?:\.[A-Z][A-Za-z]+)*)")]
    private static partial Regex Reference();

    [Fact]
    public void NoFolder_DependsOnAnotherThatDependsOnIt()
    {
        var folders = Files().Select(FolderOf).Where(f => f.Length > 0).ToHashSet();
        var edges = new Dictionary<string, HashSet<string>>();
        foreach (var file in Files())
        {
            var from = FolderOf(file);
            if (from.Length == 0) continue;
            foreach (Match match in Reference().Matches(File.ReadAllText(file)))
            {
                var target = match.Groups[1].Value;
                // The longest folder the reference names (Data.Sorting rather than Data).
                var to = folders.Where(f => target == f || target.StartsWith(f + ".", StringComparison.Ordinal)).OrderByDescending(f => f.Length).FirstOrDefault();
                if (to is null || to == from || from.StartsWith(to + ".", StringComparison.Ordinal)) continue;
                edges.TryAdd(from, []);
                edges[from].Add(to);
            }
        }

        var cycles = new List<string>();
        foreach (var start in edges.Keys)
        {
            var stack = new Stack<(string Folder, string Path)>([(start, start)]);
            var seen = new HashSet<string>();
            while (stack.Count > 0)
            {
                var (folder, path) = stack.Pop();
                foreach (var next in edges.GetValueOrDefault(folder) ?? [])
                {
                    if (next == start) cycles.Add(path + " -> " + next);
                    else if (seen.Add(next)) stack.Push((next, path + " -> " + next));
                }
            }
        }

        Assert.Empty(cycles);
        Assert.True(edges.Count > 3, "the reference scan found too few dependencies to be trusted");
    }

    [Fact]
    public void NoShopWord_AppearsInTheLayer_EvenInComments()
    {
        string[] words = ["customers?", "products?", "catalog", "shop", "privacy", "orders", "assam", "india", "gst", "paise", "connecting ner"];
        var found = Files()
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line)))
            .Where(l => !l.Text.TrimStart().StartsWith("namespace ", StringComparison.Ordinal) && !l.Text.TrimStart().StartsWith("using ", StringComparison.Ordinal))
            .SelectMany(l => words.Where(w => Regex.IsMatch(l.Text, $@"\b{w}\b", RegexOptions.IgnoreCase)).Select(w => $"{l.File}:{l.Line}: {w}"))
            .ToList();

        Assert.Empty(found);
    }

    [GeneratedRegex("\"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\"")]
    private static partial Regex CodeLiteral();

    [Fact]
    public void EveryErrorCode_IsDeclaredInErrorCodesOnly()
    {
        var elsewhere = Files().Where(f => Path.GetFileName(f) != "ErrorCodes.cs")
            .SelectMany(f => CodeLiteral().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetFileName(f)}: {m.Value}"))
            .ToList();

        Assert.Empty(elsewhere);
        Assert.Contains("FILTER_INVALID", File.ReadAllText(Path.Combine(Source, "Errors", "ErrorCodes.cs")));
    }

    [Fact]
    public void TheLayer_ReferencesNoProjectOfTheRepository()
    {
        var project = File.ReadAllText(Path.Combine(Source, "ConnectingNer.GraphQL.Server.csproj"));

        Assert.DoesNotContain("ProjectReference", project);
    }
}
