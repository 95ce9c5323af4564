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
        // EF Core's check that a context is never used by two operations at once sets an AsyncLocal on every row read:
        // a sixth of a catalog page's allocations. Tests and development keep it (Database:ThreadSafetyChecks); a
        // server that passed them runs without.
        var threadSafetyChecks = configuration.GetValue("Database:ThreadSafetyChecks", false);
        services.AddDbContextPool<AppDbContext>((sp, options) => options.UseDataSourceFor(sp.GetRequiredService<NpgsqlDataSource>())
            .UseModel(AppDbContextModel.Instance)
            .EnableThreadSafetyChecks(threadSafetyChecks)
            .AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()));
        services.AddScoped<IApplicationDbContext>(sp => sp.GetRequiredService<AppDbContext>());
        services.AddScoped<DemoDataSeeder>();
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: ["ready"]);
        services.AddSingleton<IdempotencyPruningJob>();
        services.AddHostedService(sp => sp.GetRequiredService<IdempotencyPruningJob>());
        services.AddServiceModules(typeof(DependencyInjection).Assembly);
        return services;
    }

    /// <summary>Connections of their own, never multiplexed: for LISTEN and for the few synchronous callers (the key ring).</summary>
    public static string Unshared(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Multiplexing = false }.ConnectionString;

    /// <summary>
    /// The connection pool, multiplexed unless the connection string says <c>Multiplexing=false</c>: the commands of
    /// concurrent requests share the connections' round trips (a few writes and reads carry many statements), instead
    /// of each request holding a connection for its statement. On the catalog page this halved PostgreSQL's CPU per
    /// request and cut the server's by a third. Transactions still hold their connection to the end. Synchronous
    /// commands are refused on a multiplexed pool: the few callers that need them use <see cref="Unshared"/>.
    /// Every physical connection sets `q &lt;% name` (typo-tolerant search) to match at word
    /// similarity 0.4 instead of 0.6, so a phrase with a typo in each word still finds its product ("jolokai chili" →
    /// "Bhut Jolokia Dried Chilli" is 0.4). Session settings must survive a connection's return to the pool, so no
    /// DISCARD ALL on close (we set no other session state).
    /// </summary>
    private static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        // Npgsql's own builder knows every keyword; the plain one tells whether the string names it.
        if (!new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.ContainsKey("Multiplexing"))
            builder.ConnectionStringBuilder.Multiplexing = true;
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
