using ConnectingNer.Application.Common.Modules;
using ConnectingNer.Application.Ordering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.Infrastructure.Ordering;

/// <summary>Order numbers, sealed order addresses and the shop's tax settings (abandoned carts: the retention job).</summary>
internal sealed class OrderingModule : IServiceModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(ShopSettings.SectionName).Get<ShopSettings>() ?? new ShopSettings());
        services.AddScoped<IOrderNumbers, PostgresOrderNumbers>();
        services.AddScoped<IOrderingLocks, PostgresOrderingLocks>();
        services.AddSingleton<IPartnerDirectory, ConfiguredPartners>();
        services.AddScoped<IOrderAddressVault, OrderAddressVault>();
    }
}
