using ConnectingNer.Application.Common.Idempotency;
using ConnectingNer.Application.Common.Modules;
using ConnectingNer.Application.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.Infrastructure.Privacy;

/// <summary>Encryption at rest (the cipher, its keys and their rotation) and the disclosure record.</summary>
internal sealed class PrivacyModule : IServiceModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.SectionName);
        services.AddSingleton<PersonalDataCipher>();
        services.AddScoped<CustomerKeyRing>();
        services.AddSingleton<IRequestFingerprint, KeyedRequestFingerprint>();
        services.AddScoped<MasterKeyRotation>();
        services.AddScoped<DisclosureLedger>();
        services.AddScoped<IDisclosureLedger>(sp => sp.GetRequiredService<DisclosureLedger>());
        services.AddScoped<IDisclosureLedgerWriter>(sp => sp.GetRequiredService<DisclosureLedger>());
        services.AddScoped<IAuditTrail, AuditTrail>();
    }
}
