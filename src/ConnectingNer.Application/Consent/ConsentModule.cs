using ConnectingNer.Application.Common.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.Application.Consent;

internal sealed class ConsentModule : IServiceModule
{
    public void AddServices(IServiceCollection services) => services.AddScoped<ConsentReader>().AddScoped<ConsentWriter>();
}
