using ConnectingNer.Application.Common.Modules;
using ConnectingNer.Application.Customers;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.Infrastructure.Customers;

internal sealed class CustomersModule : IServiceModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<ICustomerStore, EncryptedCustomerStore>();
        services.AddScoped<ICustomerReader, CustomerReader>();
    }
}
