namespace ConnectingNer.GraphQL.Server.Ide;

/// <summary>The Banana Cake Pop IDE served under the GraphQL path (section <c>GraphQL:Ide</c>).</summary>
public sealed class GraphQLIdeOptions
{
    public const string SectionName = "GraphQL:Ide";

    /// <summary>Serve the IDE. Off unless configured (the Development settings turn it on), and only while introspection is on.</summary>
    public bool Enabled { get; set; }

    /// <summary>Folder holding the unpacked npm package (index.html, static/, LICENSE); relative to the content root.</summary>
    public string FilesPath { get; set; } = "bananacakepop";

    /// <summary>Shown in the IDE's tab.</summary>
    public string Title { get; set; } = "GraphQL";
}
