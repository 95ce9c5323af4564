using ConnectingNer.GraphQL.Catalog;
using ConnectingNer.GraphQL.Common;
using ConnectingNer.GraphQL.Server.Relay;
using ConnectingNer.GraphQL.Server;
using GraphQL;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.GraphQL;

public static class DependencyInjection
{
    public static IServiceCollection AddGraphQLApi(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddSingleton(Customers.CustomerFields.RegisterNodes(CatalogQueries.RegisterNodes(new NodeResolvers())))
            .AddGraphQLServer<AppSchema>(configuration, builder => builder
            .AddGraphTypes(typeof(AppSchema).Assembly)
            .AddUnhandledExceptionHandler(ExceptionErrors.Map)
            .AddDocumentListener<Customers.DisclosureLedgerListener>(global::GraphQL.DI.ServiceLifetime.Singleton));
}
