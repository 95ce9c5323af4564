using ConnectingNer.Application.Common.Modules;
using ConnectingNer.Application.Ordering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.Infrastructure.Ordering;

/// <summary>Order numbers, sealed order addresses, the shop's tax settings and the cart clean-up job.</summary>
internal sealed class OrderingModule : IServiceModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(ShopSettings.SectionName).Get<ShopSettings>() ?? new ShopSettings());
        services.AddScoped<IOrderNumbers, PostgresOrderNumbers>();
        services.AddScoped<IOrderingLocks, PostgresOrderingLocks>();
        services.AddSingleton<IPartnerDirectory, ConfiguredPartners>();
        services.AddScoped<IOrderAddressVault, OrderAddressVault>();
        services.AddSingleton<CartPruningJob>();
        services.AddHostedService(sp => sp.GetRequiredService<CartPruningJob>());
    }
}
