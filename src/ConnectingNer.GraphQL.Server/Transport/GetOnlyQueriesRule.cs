using ConnectingNer.GraphQL.Server.Errors;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace ConnectingNer.GraphQL.Server.Transport;

/// <summary>Over GET only queries may run (a GET must be safe); the transport answers 405 when this rule fails.</summary>
public sealed class GetOnlyQueriesRule : ValidationRuleBase
{
    public const string Code = ErrorCodes.MethodNotAllowed;

    public static readonly GetOnlyQueriesRule Instance = new();

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.Operation.Operation != OperationType.Query)
        {
            context.ReportError(new ValidationError(context.Document.Source, null,
                $"Only queries can be sent with GET; send this {context.Operation.Operation.ToString().ToLowerInvariant()} with POST.",
                context.Operation) { Code = Code });
        }

        return default;
    }
}
