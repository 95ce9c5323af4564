using ConnectingNer.Application.Common.Modules;
using ConnectingNer.Application.Consent;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.Infrastructure.Consent;

/// <summary>Consent receipts signed with the authorization server's keys, email links, newsletter addresses, audiences.</summary>
internal sealed class ConsentModule : IServiceModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddSingleton<IConsentReceipts, JwsConsentReceipts>();
        services.AddSingleton<IConsentLinks, DataProtectionConsentLinks>();
        services.AddScoped<INewsletterSubscribers, NewsletterSubscribers>();
        services.AddScoped<IConsentAudience, PostgresConsentAudience>();
    }
}
