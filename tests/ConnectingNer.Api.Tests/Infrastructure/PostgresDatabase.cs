using ConnectingNer.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ConnectingNer.Api.Tests.Infrastructure;

/// <summary>A real PostgreSQL database created for one fixture and dropped after it (the cluster comes from build/test.sh).</summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly string _adminConnectionString;

    private PostgresDatabase(string adminConnectionString, string name)
    {
        _adminConnectionString = adminConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var admin = Environment.GetEnvironmentVariable("CONNECTINGNER_TEST_PG")
            ?? throw new InvalidOperationException("CONNECTINGNER_TEST_PG is not set: run the tests with build/test.sh.");
        var database = new PostgresDatabase(admin, "cn_test_" + Guid.NewGuid().ToString("N")[..12]);
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync();
        return database;
    }

    public AppDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(ConnectionString).UseSnakeCaseNamingConvention().UseOpenIddict().Options);

    /// <summary>Empties every table the model maps, so each test starts from the same state.</summary>
    private static readonly HashSet<string> ReferenceTables = ["consent_purposes", "privacy_policy_versions", "retention_rules"];

    public async Task ResetAsync()
    {
        await using var db = CreateDbContext();
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct()
            .Where(t => !ReferenceTables.Contains(t)).Select(t => $"\"{t}\"");
        // Table names come from our own model, not from input.
        // The audit trail and the consent records refuse truncation (append-only triggers); only a superuser session
        // that skips triggers can empty them, as the tests' reset does here. The reference data the migrations insert
        // stays: the purposes, the privacy policy as first published, and the retention rules.
        var sql = "SET session_replication_role = replica; TRUNCATE " + string.Join(", ", tables)
            + " RESTART IDENTITY CASCADE; DELETE FROM privacy_policy_versions WHERE version <> '1.0'; SET session_replication_role = DEFAULT";
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
