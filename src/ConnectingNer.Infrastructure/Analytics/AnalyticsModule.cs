using ConnectingNer.Application.Analytics;
using ConnectingNer.Application.Common.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.Infrastructure.Analytics;

/// <summary>Where requests come from (for events, reduced before storing) and event aggregates (old events: the retention job).</summary>
internal sealed class AnalyticsModule : IServiceModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<IRequestOrigin, HttpRequestOrigin>();
        services.AddScoped<IEventAggregates, PostgresEventAggregates>();
    }
}
