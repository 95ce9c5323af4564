using GraphQL.Types;

namespace ConnectingNer.GraphQL.Server;

/// <summary>The schema's SDL, printed once per process.</summary>
public sealed class SchemaSdl<TSchema>(TSchema schema) where TSchema : ISchema
{
    private readonly Lazy<string> _text = new(() => SchemaExport.Print(schema));

    public string Text => _text.Value;
}
