using ConnectingNer.Application.Common.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.Application.Privacy;

internal sealed class PrivacyModule : IServiceModule
{
    public void AddServices(IServiceCollection services) => services.AddScoped<IPersonalDataAccess, PersonalDataAccess>();
}
