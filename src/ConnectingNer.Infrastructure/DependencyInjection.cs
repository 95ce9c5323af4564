using ConnectingNer.Application.Common.Modules;
using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Infrastructure.Identity;
using ConnectingNer.Infrastructure.Persistence;
using ConnectingNer.Infrastructure.Persistence.CompiledModel;
using ConnectingNer.Infrastructure.Persistence.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ConnectingNer.Infrastructure;

public static class DependencyInjection
{
    /// <summary>PostgreSQL (the pooled context, the unit of work, health, migrations) and every feature's <see cref="IServiceModule"/>.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Default")
            ?? "";

        services.AddSingleton(_ => CreateDataSource(connectionString));
        // Interceptors come from the features that register one (identity's token revocations).
        // The model is compiled ahead (Persistence/CompiledModel, `dotnet ef dbcontext optimize`): building it from the
        // configurations took about half a second of every launch. Migrations still build it from the configurations.
        services.AddDbContextPool<AppDbContext>((sp, options) => options.UseDataSourceFor(sp.GetRequiredService<NpgsqlDataSource>())
            .UseModel(AppDbContextModel.Instance)
            .AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()));
        services.AddScoped<IApplicationDbContext>(sp => sp.GetRequiredService<AppDbContext>());
        services.AddScoped<DemoDataSeeder>();
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: ["ready"]);
        services.AddSingleton<IdempotencyPruningJob>();
        services.AddHostedService(sp => sp.GetRequiredService<IdempotencyPruningJob>());
        services.AddServiceModules(typeof(DependencyInjection).Assembly);
        return services;
    }

    /// <summary>
    /// The connection pool. Every physical connection sets `q &lt;% name` (typo-tolerant search) to match at word
    /// similarity 0.4 instead of 0.6, so a phrase with a typo in each word still finds its product ("jolokai chili" →
    /// "Bhut Jolokia Dried Chilli" is 0.4). Session settings must survive a connection's return to the pool, so no
    /// DISCARD ALL on close (we set no other session state).
    /// </summary>
    private static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        // Statements the app repeats are prepared once per connection: PostgreSQL skips parsing and planning.
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0) builder.ConnectionStringBuilder.MaxAutoPrepare = 50;
        return builder
            .UsePhysicalConnectionInitializer(
                connection =>
                {
                    using var command = Initialize(connection);
                    command.ExecuteNonQuery();
                },
                async connection =>
                {
                    await using var command = Initialize(connection);
                    await command.ExecuteNonQueryAsync();
                })
            .Build();
    }

    private static NpgsqlCommand Initialize(NpgsqlConnection connection) =>
        new("SET pg_trgm.word_similarity_threshold = 0.4", connection);

    /// <summary>Applies pending migrations, registers the configured identity clients, then (when asked) the demo seed.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, bool seed, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync(cancellationToken);
        // Scopes, clients and roles come from configuration and are registered on every migration; demo data only when asked.
        await scope.ServiceProvider.GetRequiredService<IdentitySeeder>().SeedAsync(cancellationToken, demoAccounts: seed);
        if (seed) await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(cancellationToken);
    }
}
