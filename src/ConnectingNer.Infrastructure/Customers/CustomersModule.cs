using ConnectingNer.Application.Common.Modules;
using ConnectingNer.Application.Customers;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.Infrastructure.Customers;

internal sealed class CustomersModule : IServiceModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<EncryptedCustomerStore>();
        services.AddScoped<ICustomerStore>(sp => sp.GetRequiredService<EncryptedCustomerStore>());
        services.AddScoped<ICustomerReader, CustomerReader>();
    }
}
