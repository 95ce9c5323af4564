using ConnectingNer.Infrastructure;
using ConnectingNer.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingNer.Api.Tests.Persistence;

/// <summary>
/// EF Core's detection of a context used by two operations at once: every test runs with it, so a resolver that
/// shares the request's context concurrently fails here; a server runs without it unless configured.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ThreadSafetyCheckTests(ApiFixture fixture)
{
    private static bool ChecksEnabled(IServiceProvider services) =>
        services.GetRequiredService<DbContextOptions<AppDbContext>>().FindExtension<CoreOptionsExtension>()!.ThreadSafetyChecksEnabled;

    [Fact]
    public void TheTestHost_ChecksThreadSafety()
    {
        using var scope = fixture.Factory.Services.CreateScope();

        Assert.True(ChecksEnabled(scope.ServiceProvider));
        Assert.True(scope.ServiceProvider.GetRequiredService<AppDbContext>().GetService<IDbContextOptions>()
            .FindExtension<CoreOptionsExtension>()!.ThreadSafetyChecksEnabled);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("false", false)]
    [InlineData("true", true)]
    public void AServer_ChecksThreadSafety_OnlyWhenConfigured(string? setting, bool expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = "Host=127.0.0.1;Database=thread_safety_check",
            ["Database:ThreadSafetyChecks"] = setting,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddInfrastructure(configuration);

        using var provider = services.BuildServiceProvider();

        Assert.Equal(expected, ChecksEnabled(provider));
    }
}
