namespace ConnectingNer.Tests.Shared;

/// <summary>Where the checkout is, for tests that read its files (linked into every test project that needs it).</summary>
public static class RepositoryPaths
{
    /// <summary>The checkout's root: the folder holding ConnectingNer.sln, found upwards from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ConnectingNer.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("ConnectingNer.sln not found above " + AppContext.BaseDirectory);
    }
}
