using ConnectingNer.Application.Common.Modules;
using ConnectingNer.Application.PrivacyRequests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.Infrastructure.PrivacyRequests;

/// <summary>The regime clocks from configuration (DPDP 30 days, grievances 90, GDPR one month), notices, the export job and its links, and the due-soon job.</summary>
internal sealed class PrivacyRequestsModule : IServiceModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddSingleton(sp =>
            sp.GetRequiredService<IConfiguration>().GetSection(PrivacyRequestSettings.SectionName).Get<PrivacyRequestSettings>() ?? new PrivacyRequestSettings());
        services.AddScoped<INoticeMail, EmailNoticeMail>();
        services.AddScoped<INomineeVault, NomineeVault>();
        services.AddScoped<IPersonalDataEraser, PersonalDataEraser>();
        services.AddSingleton<Application.PrivacyRequests.Commands.IPrivacyRequestLinks, PrivacyRequestLinks>();
        services.AddScoped<DataExportWriter>();
        services.AddScoped<DataExportService>();
        services.AddScoped<IDataExports>(sp => sp.GetRequiredService<DataExportService>());
        services.AddSingleton<DataExportJob>();
        services.AddHostedService(sp => sp.GetRequiredService<DataExportJob>());
        services.AddSingleton<PrivacyRequestDueSoonJob>();
        services.AddHostedService(sp => sp.GetRequiredService<PrivacyRequestDueSoonJob>());
    }
}
