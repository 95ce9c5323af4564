using ConnectingNer.Application.Common.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.Infrastructure.Retention;

/// <summary>The daily retention job.</summary>
internal sealed class RetentionModule : IServiceModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddSingleton<RetentionJob>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionJob>());
    }
}
