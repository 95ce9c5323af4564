using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace ConnectingNer.Infrastructure.Persistence;

internal static class DbContextOptionsExtensions
{
    /// <summary>The one place the provider and naming conventions are chosen, for the host and the design-time tools alike.</summary>
    public static DbContextOptionsBuilder UseConnectionStringFor(this DbContextOptionsBuilder builder, string connectionString) =>
        builder
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .UseOpenIddict();

    /// <summary>
    /// The server's own: the provider as above, queries compiled with their nested functions compiled once
    /// (<see cref="HoistingQueryCompilationContext"/>), and a query provider that runs pages compiled per template (<see cref="QueryTemplates"/>).
    /// </summary>
    public static DbContextOptionsBuilder UseDataSourceFor(this DbContextOptionsBuilder builder, Npgsql.NpgsqlDataSource dataSource) =>
        builder
            .UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .UseOpenIddict()
            .ReplaceService<IQueryCompilationContextFactory, HoistingQueryCompilationContextFactory>()
            .ReplaceService<IAsyncQueryProvider, TemplateQueryProvider>();

    public static DbContextOptionsBuilder<T> UseConnectionStringFor<T>(this DbContextOptionsBuilder<T> builder, string connectionString)
        where T : DbContext
    {
        ((DbContextOptionsBuilder)builder).UseConnectionStringFor(connectionString);
        return builder;
    }
}
