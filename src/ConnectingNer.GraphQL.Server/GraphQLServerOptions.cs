namespace ConnectingNer.GraphQL.Server;

/// <summary>Limits and switches of the GraphQL endpoint (section <c>GraphQL</c> of the configuration).</summary>
public sealed class GraphQLServerOptions
{
    public const string SectionName = "GraphQL";

    /// <summary>Where the endpoint (and the IDE, under it) is served.</summary>
    public string Path { get; set; } = "/graphql";

    /// <summary>Largest request body accepted, in bytes; larger requests get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Deepest selection accepted (introspection included).</summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>Largest estimated cost of a document; list fields multiply by their <c>first</c>/<c>last</c>.</summary>
    public int MaxComplexity { get; set; } = 5_000;

    /// <summary>How long one operation may run before it is cancelled.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Show exception messages and stack traces in errors. Honoured in the Development environment only: everywhere
    /// else it is ignored, so a copied setting cannot leak internals.
    /// </summary>
    public bool ExposeExceptionDetails { get; set; }

    /// <summary>Append "Did you mean …?" suggestions to validation errors (they reveal the schema's names: off unless set).</summary>
    public bool EnableSuggestions { get; set; }

    /// <summary>Most aliases one operation may use, its fragments included (GraphQL Armor's default).</summary>
    public int MaxAliases { get; set; } = 15;

    /// <summary>Most times one response key may be selected in one selection set.</summary>
    public int MaxFieldRepeats { get; set; } = 3;

    /// <summary>
    /// Most fields one operation may select, counting each fragment wherever it is spread (an IDE's introspection query
    /// selects about 250).
    /// </summary>
    public int MaxFields { get; set; } = 2_000;

    /// <summary>Most directives a document may use (GraphQL Armor's default).</summary>
    public int MaxDirectives { get; set; } = 50;

    /// <summary>Most tokens a document may have (GraphQL Armor's default; an IDE's introspection query has about 200).</summary>
    public int MaxTokens { get; set; } = 1_000;

    /// <summary>Page size when a connection gets neither <c>first</c> nor <c>last</c>.</summary>
    public int DefaultPageSize { get; set; } = 10;

    /// <summary>Largest <c>first</c>/<c>last</c> a connection accepts.</summary>
    public int MaxPageSize { get; set; } = 50;

    /// <summary>
    /// Allow <c>__schema</c> and <c>__type</c> (and <c>GET ?sdl</c>). Off unless configured: the Development settings turn
    /// it on; a production server publishes its schema only when someone decides it should. The IDE needs it.
    /// </summary>
    public bool EnableIntrospection { get; set; }
}
