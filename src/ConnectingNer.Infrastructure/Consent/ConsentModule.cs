using ConnectingNer.Application.Common.Modules;
using ConnectingNer.Application.Consent;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.Infrastructure.Consent;

/// <summary>Consent receipts signed with the authorization server's keys.</summary>
internal sealed class ConsentModule : IServiceModule
{
    public void AddServices(IServiceCollection services) => services.AddSingleton<IConsentReceipts, JwsConsentReceipts>();
}
