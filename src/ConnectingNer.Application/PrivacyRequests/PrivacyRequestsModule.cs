using ConnectingNer.Application.Common.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.Application.PrivacyRequests;

internal sealed class PrivacyRequestsModule : IServiceModule
{
    public void AddServices(IServiceCollection services) => services.AddScoped<PrivacyRequestClock>().AddScoped<PrivacyRequestNotices>().AddScoped<Commands.ErasureProcedure>();
}
