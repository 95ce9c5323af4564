using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Registers validators and the clock. The host calls the source-generated <c>AddMediator</c> with the
    /// pipeline behaviors in this order: logging, authorization, validation, transaction.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton);
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
