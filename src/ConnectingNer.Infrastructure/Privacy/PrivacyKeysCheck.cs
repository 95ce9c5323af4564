using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ConnectingNer.Infrastructure.Privacy;

/// <summary>Refuses to start serving without valid privacy keys: better no server than personal data it cannot protect or read.</summary>
public sealed class PrivacyKeysCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<PersonalDataCipher>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
