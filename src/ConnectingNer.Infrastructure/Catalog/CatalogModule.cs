using ConnectingNer.Application.Catalog;
using ConnectingNer.Application.Common.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.Infrastructure.Catalog;

internal sealed class CatalogModule : IServiceModule
{
    public void AddServices(IServiceCollection services) =>
        services.AddScoped<IProductSearch, PostgresProductSearch>().AddScoped<IProductReader, CompiledProductReader>();
}
