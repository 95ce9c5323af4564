using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace ConnectingNer.GraphQL.Server.Tests.Execution;

/// <summary>Runs a query with one execution strategy, so a test can compare ours with GraphQL.NET's.</summary>
internal static class Strategies
{
    public static Task<ExecutionResult> ExecuteAsync(ISchema schema, string query, ExecutionStrategy strategy, Inputs? variables = null)
    {
        var executer = new DocumentExecuter(new GraphQLDocumentBuilder(), new DocumentValidator(),
            new DefaultExecutionStrategySelector([new ExecutionStrategyRegistration(strategy, OperationType.Query)]), []);
        return executer.ExecuteAsync(new ExecutionOptions { Schema = schema, Query = query, Variables = variables });
    }
}
