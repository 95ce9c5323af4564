using ConnectingNer.GraphQL.Server.Authorization;
using ConnectingNer.GraphQL.Server.Data.Filtering;
using ConnectingNer.GraphQL.Server.Data.Loading;
using ConnectingNer.GraphQL.Server.Relay;
using ConnectingNer.GraphQL.Server.Errors;
using ConnectingNer.GraphQL.Server.Ide;
using ConnectingNer.GraphQL.Server.Paging;
using ConnectingNer.GraphQL.Server.Transport;
using GraphQL;
using GraphQL.Validation;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ConnectingNer.GraphQL.Server;

public static class GraphQLServerExtensions
{
    /// <summary>
    /// Registers the schema with the server's conventions: System.Text.Json, coded errors, field authorization,
    /// depth and complexity limits, an execution timeout, and serial execution of queries (resolvers share the
    /// request's scoped services, which are not thread-safe).
    /// </summary>
    public static IServiceCollection AddGraphQLServer<TSchema>(
        this IServiceCollection services, IConfiguration configuration, Action<IGraphQLBuilder>? configure = null)
        where TSchema : class, ISchema
    {
        var options = configuration.GetSection(GraphQLServerOptions.SectionName).Get<GraphQLServerOptions>() ?? new GraphQLServerOptions();
        services.AddSingleton(Options.Create(options));
        services.AddSingleton(options);
        services.Configure<GraphQLIdeOptions>(configuration.GetSection(GraphQLIdeOptions.SectionName));
        services.TryAddSingleton<IQueryExecutor, AsyncEnumerableQueryExecutor>();
        services.TryAddSingleton<IStringMatcher, LowerCaseStringMatcher>();
        services.TryAddSingleton<NodeResolvers>();
        services.AddScoped<DataLoaderContext>();
        services.AddSingleton<DocumentCache>();
        services.AddSingleton<ValidationLimits>();
        services.AddSingleton<SchemaSdl<TSchema>>();
        // String inputs without NUL characters: a clear validation error, not a database error.
        services.AddSingleton<StringGraphType, Scalars.NulFreeStringGraphType>();

        services.AddGraphQL(builder =>
        {
            builder
                .AddSchema<TSchema>()
                .AddGraphTypes(typeof(GraphQLServerExtensions).Assembly)
                .AddSystemTextJson(json =>
                {
                    json.Encoder = Execution.ResultJson.Encoder; // what rendered lists are written with (RenderPlan.cs)
                    json.Converters.Add(new ExecutionResultWriter()); // before GraphQL.NET's own, so it is the one used
                })
                .AddErrorInfoProvider<ServerErrorInfoProvider>()
                .AddSchemaVisitor(new AuthorizationFieldMiddleware.Visitor())
                .AddExecutionStrategy<Execution.PlannedSerialExecutionStrategy>(GraphQLParser.AST.OperationType.Query)
                .WithTimeout(options.ExecutionTimeout, TimeoutAction.ReturnTimeoutError)
                .ConfigureSchema(schema =>
                {
                    // Introspection as current clients (graphql-js, the IDE) ask for it.
                    schema.Features.RepeatableDirectives = true;
                });
            configure?.Invoke(builder);
        });
        // Registered after GraphQL.NET's own, so the executor gets this one.
        services.AddSingleton<IDocumentValidator>(new Transport.ReusingDocumentValidator(new DocumentValidator()));
        return services;
    }

    /// <summary>The IDE (when its files are present and it is enabled) in front of the GraphQL over HTTP transport.</summary>
    public static IApplicationBuilder UseGraphQLServer<TSchema>(this IApplicationBuilder app)
        where TSchema : ISchema =>
        app.UseMiddleware<GraphQLIdeMiddleware>().UseMiddleware<GraphQLHttpMiddleware<TSchema>>();
}
