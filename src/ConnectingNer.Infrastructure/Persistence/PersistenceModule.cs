using ConnectingNer.Application.Common.Idempotency;
using ConnectingNer.Application.Common.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.Infrastructure.Persistence;

internal sealed class PersistenceModule : IServiceModule
{
    public void AddServices(IServiceCollection services) => services.AddScoped<IIdempotencyStore, EfIdempotencyStore>();
}
