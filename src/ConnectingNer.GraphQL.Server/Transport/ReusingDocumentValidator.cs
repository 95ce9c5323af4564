using System.Runtime.CompilerServices;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace ConnectingNer.GraphQL.Server.Transport;

/// <summary>
/// GraphQL.NET's validator, with the result of a repeated operation kept. Even with no rule to run, validation walks
/// the whole document to parse every field's and directive's arguments for the executor. For an operation without
/// variables those values depend only on the document: the result of its first valid run is kept with the operation's
/// node of the parsed document (the transport keeps parsed documents by query text) and given to its next runs that
/// have no rule to run. An operation with variables, or a run with rules (the first of a document, a complexity check,
/// a GET), is validated as before.
/// </summary>
public sealed class ReusingDocumentValidator(IDocumentValidator inner) : IDocumentValidator
{
    private readonly ConditionalWeakTable<GraphQLOperationDefinition, Task<IValidationResult>> _results = new();

    public Task<IValidationResult> ValidateAsync(in ValidationOptions options)
    {
        if (!Reusable(options)) return inner.ValidateAsync(options);
        if (_results.TryGetValue(options.Operation!, out var kept)) return kept;
        return ValidateAndKeepAsync(inner.ValidateAsync(options), options.Operation!, _results);
    }

    private static async Task<IValidationResult> ValidateAndKeepAsync(
        Task<IValidationResult> validation, GraphQLOperationDefinition operation, ConditionalWeakTable<GraphQLOperationDefinition, Task<IValidationResult>> results)
    {
        var result = await validation;
        if (result.IsValid) results.AddOrUpdate(operation, Task.FromResult(result));
        return result;
    }

    /// <summary>Whether the result can depend on nothing but the document: no rule to run now, no variables.</summary>
    private static bool Reusable(in ValidationOptions options) =>
        options.Rules is ICollection<IValidationRule> { Count: 0 }
        && options.Operation is { Variables: null or { Count: 0 } }
        && (options.Variables is null || options.Variables.Count == 0);
}
