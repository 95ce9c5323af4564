using ConnectingNer.Application.Common.Modules;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the validators, the clock and every feature's <see cref="IServiceModule"/>. The handlers and the
    /// pipeline behaviors are registered by the source-generated <c>AddMediator</c>, which the host calls (see
    /// <c>AddUseCases</c> in the Api) with the behaviors in this order: logging, authorization, validation,
    /// idempotency, transaction.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton);
        services.AddSingleton(TimeProvider.System);
        return services.AddServiceModules(typeof(DependencyInjection).Assembly);
    }
}
