namespace ConnectingNer.Application.Tests.Architecture;

/// <summary>Adding a feature touches no shared file, and every feature has the same folders.</summary>
public sealed class FeatureShapeTests
{
    private static readonly string[] Features = ["Catalog", "Customers", "Accounts", "Privacy"];

    /// <summary>
    /// The files every feature would otherwise have to edit: they name no feature (nor its types). The GraphQL layer's
    /// DependencyInjection.cs is not among them: it registers the disclosure ledger's listener once, for every feature.
    /// </summary>
    public static TheoryData<string> SharedFiles => new()
    {
        "src/ConnectingNer.GraphQL/QueryType.cs",
        "src/ConnectingNer.GraphQL/MutationType.cs",
        "src/ConnectingNer.Infrastructure/Persistence/AppDbContext.cs",
        "src/ConnectingNer.Infrastructure/DependencyInjection.cs",
        "src/ConnectingNer.Application/Common/Interfaces/IApplicationDbContext.cs",
        "src/ConnectingNer.Application/DependencyInjection.cs",
    };

    [Theory]
    [MemberData(nameof(SharedFiles))]
    public void ASharedFile_NamesNoFeature(string path)
    {
        // Code only: comments may give an example, and the identity store's user type arrives with a using directive.
        var code = string.Join('\n', File.ReadAllLines(Path.Combine(RepositoryPaths.Root, path))
            .Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal) && !l.TrimStart().StartsWith("using ", StringComparison.Ordinal)));
        string[] featureWords = [.. Features, "Product", "Category", "Customer", "Disclosure", "AuditEvent", "Account"];

        var named = featureWords.Where(w => System.Text.RegularExpressions.Regex.IsMatch(code, $@"\b{w}")).ToList();

        Assert.True(named.Count == 0, $"{path} names {string.Join(", ", named)}");
    }

    [Theory]
    [InlineData("src/ConnectingNer.Application", new[] { "Commands", "Queries", "ReadModels" })]
    [InlineData("src/ConnectingNer.GraphQL", new[] { "Types" })]
    public void EveryFeatureFolder_HasOnlyTheShapesFolders(string layer, string[] allowed)
    {
        foreach (var feature in Features)
        {
            var folder = Path.Combine(RepositoryPaths.Root, layer, feature);
            if (!Directory.Exists(folder)) continue;
            var subfolders = Directory.GetDirectories(folder).Select(Path.GetFileName).Where(n => n is not ("bin" or "obj"));
            Assert.All(subfolders, s => Assert.Contains(s, allowed));
        }
    }

    [Fact]
    public void EveryGraphQLFeature_HasItsQueriesOrMutationsClass()
    {
        foreach (var feature in Features)
        {
            var folder = Path.Combine(RepositoryPaths.Root, "src/ConnectingNer.GraphQL", feature);
            var roots = Directory.GetFiles(folder, "*Queries.cs").Concat(Directory.GetFiles(folder, "*Mutations.cs"));
            Assert.True(roots.Any(), $"{feature} has no …Queries.cs or …Mutations.cs");
        }
    }
}
