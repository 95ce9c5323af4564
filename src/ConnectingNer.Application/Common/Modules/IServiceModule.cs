using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.Application.Common.Modules;

/// <summary>
/// One feature's services in one layer (its ports' adapters, its jobs, its options). Each layer finds its modules in
/// its own assembly, so a new feature registers itself by adding a module class, without editing a shared file.
/// </summary>
public interface IServiceModule
{
    void AddServices(IServiceCollection services);
}

public static class ServiceModules
{
    /// <summary>Runs every <see cref="IServiceModule"/> of <paramref name="assembly"/>, in a stable order (by type name).</summary>
    public static IServiceCollection AddServiceModules(this IServiceCollection services, Assembly assembly)
    {
        var modules = assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IServiceModule).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var module in modules) ((IServiceModule)Activator.CreateInstance(module)!).AddServices(services);
        return services;
    }
}
