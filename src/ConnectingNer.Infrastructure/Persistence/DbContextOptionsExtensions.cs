using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Infrastructure.Persistence;

internal static class DbContextOptionsExtensions
{
    /// <summary>The one place the provider and naming conventions are chosen, for the host and the design-time tools alike.</summary>
    public static DbContextOptionsBuilder UseConnectionStringFor(this DbContextOptionsBuilder builder, string connectionString) =>
        builder
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .UseOpenIddict();

    public static DbContextOptionsBuilder UseDataSourceFor(this DbContextOptionsBuilder builder, Npgsql.NpgsqlDataSource dataSource) =>
        builder
            .UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .UseOpenIddict();

    public static DbContextOptionsBuilder<T> UseConnectionStringFor<T>(this DbContextOptionsBuilder<T> builder, string connectionString)
        where T : DbContext
    {
        ((DbContextOptionsBuilder)builder).UseConnectionStringFor(connectionString);
        return builder;
    }
}
