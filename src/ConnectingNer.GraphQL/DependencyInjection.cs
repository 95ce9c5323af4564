using ConnectingNer.GraphQL.Common;
using ConnectingNer.GraphQL.Server;
using GraphQL;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.GraphQL;

public static class DependencyInjection
{
    public static IServiceCollection AddGraphQLApi(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddSingleton(Features.Nodes())
            .AddGraphQLServer<AppSchema>(configuration, builder => builder
            .AddGraphTypes(typeof(AppSchema).Assembly)
            .AddUnhandledExceptionHandler(ExceptionErrors.Map)
            .AddDocumentListener<Privacy.DisclosureLedgerListener>(global::GraphQL.DI.ServiceLifetime.Singleton));
}
