using ConnectingNer.Application.Common.Modules;
using ConnectingNer.Application.PrivacyRequests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.Infrastructure.PrivacyRequests;

/// <summary>The regime clocks, from configuration (defaults: DPDP 30 days, grievances 90, GDPR one month).</summary>
internal sealed class PrivacyRequestsModule : IServiceModule
{
    public void AddServices(IServiceCollection services) => services.AddSingleton(sp =>
        sp.GetRequiredService<IConfiguration>().GetSection(PrivacyRequestSettings.SectionName).Get<PrivacyRequestSettings>() ?? new PrivacyRequestSettings());
}
