using ConnectingNer.Application.Analytics;
using ConnectingNer.Application.Common.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.Infrastructure.Analytics;

/// <summary>Where requests come from (for events, reduced before storing), event aggregates and the 13-month event clean-up.</summary>
internal sealed class AnalyticsModule : IServiceModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<IRequestOrigin, HttpRequestOrigin>();
        services.AddScoped<IEventAggregates, PostgresEventAggregates>();
        services.AddSingleton<EventPruningJob>();
        services.AddHostedService(sp => sp.GetRequiredService<EventPruningJob>());
    }
}
